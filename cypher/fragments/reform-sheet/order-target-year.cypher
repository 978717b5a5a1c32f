// Sort value: the sheet's target fiscal year.
// Binds: n (ReformSheet). Params: none.
n.targetYear
