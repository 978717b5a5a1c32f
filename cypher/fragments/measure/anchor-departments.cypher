// Start: measures one of the departments is responsible for (unique id index).
// Binds: n (Measure). Params: $value ([string] department ids).
MATCH (a:Department)-[:RESPONSIBLE_FOR]->(n:Measure)
WHERE a.id IN $value
