// Purpose: reform sheets each department executes or partners on (role ANY).
// Params: $ids ([string] department ids). Columns: id, node (reform-sheet properties), by sortKey.
UNWIND $ids AS id
MATCH (:Department {id: id})-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)
WITH DISTINCT id, s
RETURN id, properties(s) AS node
ORDER BY s.sortKey
