// Purpose: graph nodes by readable id, of any kind (batch for a DataLoader).
// Params: $ids ([string]).
// Columns: id (the key asked for), node (map: the node's properties). Ids that do not exist yield no row.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS node
