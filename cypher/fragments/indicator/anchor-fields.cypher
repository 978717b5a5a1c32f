// Start: indicators of the fields' items (unique id index).
// Binds: n (Indicator). Params: $value ([int] field numbers).
MATCH (a:Field)-[:HAS_ITEM]->(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
WHERE a.id IN [number IN $value | 'field:' + toString(number)]
