// Start: sheets one of the departments executes (unique id index).
// Binds: n (ReformSheet). Params: $value ([string] department ids).
MATCH (a:Department)-[:EXECUTES]->(n:ReformSheet)
WHERE a.id IN $value
