// Start: measures of the policy items (code index).
// Binds: n (Measure). Params: $value ([string] item codes).
MATCH (a:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
WHERE a.code IN $value
