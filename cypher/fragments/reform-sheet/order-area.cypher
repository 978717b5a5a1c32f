// Sort value: the sheet's area number.
// Binds: n (ReformSheet). Params: none.
n.areaNumber
