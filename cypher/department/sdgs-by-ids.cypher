// Purpose: SDGs each department's (non-deleted) measures touch through their policy items.
// Params: $ids ([string] department ids). Columns: id, node (SDG properties), by sortKey.
UNWIND $ids AS id
MATCH (:Department {id: id})-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
WHERE m.status <> 'DELETED'
WITH DISTINCT id, g
RETURN id, properties(g) AS node
ORDER BY g.sortKey
