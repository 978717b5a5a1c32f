// Condition: one of the departments executes or partners on the sheet.
// Binds: n (ReformSheet). Params: $value ([string] department ids).
EXISTS { (n)<-[:EXECUTES|PARTNERS_ON]-(d:Department) WHERE d.id IN $value }
