// Condition: the sheet is in one of the areas.
// Binds: n (ReformSheet). Params: $value ([int] area numbers).
n.areaNumber IN $value
