// Start: items of the fields (unique id index, one seek per number).
// Binds: n (PolicyItem). Params: $value ([int] field numbers).
UNWIND $value AS number
MATCH (a:Field {id: 'field:' + toString(toInteger(number))})-[:HAS_ITEM]->(n:PolicyItem)
