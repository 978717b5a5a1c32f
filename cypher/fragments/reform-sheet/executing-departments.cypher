// Condition: one of the departments executes the sheet (実行課).
// Binds: n (ReformSheet). Params: $value ([string] department ids).
EXISTS { (n)<-[:EXECUTES]-(d:Department) WHERE d.id IN $value }
