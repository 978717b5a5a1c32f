// Start: indicators of the policy items (code index).
// Binds: n (Indicator). Params: $value ([string] item codes).
MATCH (a:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
WHERE a.code IN $value
