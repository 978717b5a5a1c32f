// Condition: the sheet supports one of the measures.
// Binds: n (ReformSheet). Params: $value ([string] measure codes).
EXISTS { (n)-[:SUPPORTS]->(m:Measure) WHERE m.code IN $value }
