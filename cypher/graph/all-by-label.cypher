// Purpose: every node of one kind, in display order (for short, unpaginated lists: fields, SDGs, departments…).
// Params: $label (a label of src/graph/graph-model.ts).
// Columns: node (map: properties), ordered by sortKey.
MATCH (n:Entity)
WHERE $label IN labels(n)
RETURN properties(n) AS node
ORDER BY n.sortKey
