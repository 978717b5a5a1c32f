// Condition: one of the departments partners on the sheet (連携課).
// Binds: n (ReformSheet). Params: $value ([string] department ids).
EXISTS { (n)<-[:PARTNERS_ON]-(d:Department) WHERE d.id IN $value }
