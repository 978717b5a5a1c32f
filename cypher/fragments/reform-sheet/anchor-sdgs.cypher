// Start: sheets supporting measures of items contributing to the SDGs (number index).
// Binds: n (ReformSheet). Params: $value ([int] SDG numbers).
MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(n:ReformSheet)
WHERE a.number IN $value
