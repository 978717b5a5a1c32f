// Purpose: policy items in which each department is responsible for a (non-deleted) measure.
// Params: $ids ([string] department ids). Columns: id, node (policy-item properties), by sortKey.
UNWIND $ids AS id
MATCH (:Department {id: id})-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)
WHERE m.status <> 'DELETED'
WITH DISTINCT id, i
RETURN id, properties(i) AS node
ORDER BY i.sortKey
