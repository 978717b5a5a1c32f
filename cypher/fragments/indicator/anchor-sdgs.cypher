// Start: indicators of items contributing to the SDGs (number index).
// Binds: n (Indicator). Params: $value ([int] SDG numbers).
MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
WHERE a.number IN $value
