// Purpose: which seed the database holds, and whether it holds any graph at all.
// Params: none.
// Columns: hash (string or null), nodes (int: graph nodes).
OPTIONAL MATCH (s:SeedInfo {id: 'seed'})
CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
RETURN s.hash AS hash, nodes
