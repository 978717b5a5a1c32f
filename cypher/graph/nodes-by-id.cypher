// Purpose: graph nodes by readable id, of any kind (batch for a DataLoader).
// Params: $ids ([string]).
// Columns: id (the key asked for), node (map: the node's properties). Ids that do not exist yield no row.
// Neo4j reads committed data, not a snapshot: a node that a seed load's commit deletes while this statement
// runs can be matched and then read as an empty map. Such a node is gone, so it yields no row either (the
// seed-upgrade test saw `node(id:)` fail on that empty map once, at the moment of the switch).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH id, properties(n) AS node
WHERE node.id IS NOT NULL
RETURN id, node
