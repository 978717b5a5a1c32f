// Start: measures of the fields' items (unique id index).
// Binds: n (Measure). Params: $value ([int] field numbers).
MATCH (a:Field)-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WHERE a.id IN [number IN $value | 'field:' + toString(number)]
