// Start: indicators of the fields' items (unique id index, one seek per number).
// Binds: n (Indicator). Params: $value ([int] field numbers).
UNWIND $value AS number
MATCH (a:Field {id: 'field:' + toString(toInteger(number))})-[:HAS_ITEM]->(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
