// Condition: the sheet's year-end grade (年度末評価) is one of the values.
// Binds: n (ReformSheet). Params: $value ([string] grades such as C).
n.evaluation IN $value
