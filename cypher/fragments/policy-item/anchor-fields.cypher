// Start: items of the fields (unique id index).
// Binds: n (PolicyItem). Params: $value ([int] field numbers).
MATCH (a:Field)-[:HAS_ITEM]->(n:PolicyItem)
WHERE a.id IN [number IN $value | 'field:' + toString(number)]
