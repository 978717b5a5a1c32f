// Purpose: every node of one kind, in display order (for short, unpaginated lists: fields, SDGs, departments…).
// A template: src/graph/all-by-label.ts binds `$($label)`, a label of src/graph/graph-model.ts (never user
//   text), so the statement is a scan of that label alone (a label given as a parameter could not name a
//   label scan: the statement used to hold one guarded branch per kind, most of its text), and
//   `$($properties)`, the properties the operation reads of the nodes (`.id, .name, …`, or `.*` for all);
//   `$($entity)` is the selection compiler's, as in graph/node-by-id (src/graph/root-entity.ts). The sort key
//   is read with the properties, in one map projection (one walk of each node's properties; `n.sortKey` walked
//   them once more), and left out of the map returned unless asked for.
// Params: none once written in.
// Columns: node (map: the properties asked for), ordered by sortKey.
MATCH (n:$($label))
WITH n, n {.sortKey, $($properties)} AS stored
ORDER BY stored.sortKey
RETURN stored {$($properties)} AS node$($entity)
