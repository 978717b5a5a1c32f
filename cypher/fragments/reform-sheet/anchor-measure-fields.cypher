// Start: sheets supporting measures of the fields (unique id index, one seek per number).
// Binds: n (ReformSheet). Params: $value ([int] field numbers).
UNWIND $value AS number
MATCH (a:Field {id: 'field:' + toString(toInteger(number))})-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(n:ReformSheet)
