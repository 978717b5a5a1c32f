// Sort value: the fiscal year the sheet starts.
// Binds: n (ReformSheet). Params: none.
n.startYear
