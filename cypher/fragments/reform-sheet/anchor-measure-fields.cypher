// Start: sheets supporting measures of the fields (unique id index).
// Binds: n (ReformSheet). Params: $value ([int] field numbers).
MATCH (a:Field)-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(n:ReformSheet)
WHERE a.id IN [number IN $value | 'field:' + toString(number)]
