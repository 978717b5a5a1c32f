// Start: measures of items contributing to the SDGs (number index).
// Binds: n (Measure). Params: $value ([int] SDG numbers).
MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WHERE a.number IN $value
