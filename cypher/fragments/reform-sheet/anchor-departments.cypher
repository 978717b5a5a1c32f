// Start: sheets one of the departments executes or partners on (unique id index).
// Binds: n (ReformSheet). Params: $value ([string] department ids).
MATCH (a:Department)-[:EXECUTES|PARTNERS_ON]->(n:ReformSheet)
WHERE a.id IN $value
