// Purpose: which seed the database holds, whether it holds any graph at all, and how many changes were
// recorded on top of it (every write adds one :Change audit entry in its own transaction, so the count moves
// with every write; it is read from the count store, not by scanning).
// Params: none.
// Columns: hash (string or null), nodes (int: graph nodes), changes (int: audit entries).
OPTIONAL MATCH (s:SeedInfo {id: 'seed'})
CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL { MATCH (c:Change) RETURN count(c) AS changes }
RETURN s.hash AS hash, nodes, changes
