// Purpose: for each id, the nodes whose relationships of one type point at it (batch for a DataLoader).
// Params: $ids ([string]), $type (a relationship type of src/graph/graph-model.ts).
// Columns: id (the key), node (map: the neighbour's properties), ordered by the neighbour's sortKey.
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:$($type)]-(m:Entity)
RETURN id, properties(m) AS node
ORDER BY m.sortKey
