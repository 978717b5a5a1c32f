// Purpose: departments responsible for any (non-deleted) measure of each policy item.
// Params: $ids ([string] policy-item ids). Columns: id, node (department properties), by sortKey.
UNWIND $ids AS id
MATCH (:PolicyItem {id: id})-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WHERE m.status <> 'DELETED'
WITH DISTINCT id, d
RETURN id, properties(d) AS node
ORDER BY d.sortKey
