// Condition: the sheet supports a measure of one of the fields.
// Binds: n (ReformSheet). Params: $value ([int] field numbers).
EXISTS { (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(p:PolicyItem) WHERE p.fieldNumber IN $value }
