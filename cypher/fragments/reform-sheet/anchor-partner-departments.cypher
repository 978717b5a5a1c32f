// Start: sheets one of the departments partners on (unique id index).
// Binds: n (ReformSheet). Params: $value ([string] department ids).
MATCH (a:Department)-[:PARTNERS_ON]->(n:ReformSheet)
WHERE a.id IN $value
