// Purpose: departments responsible for a (non-deleted) measure touching each SDG.
// Params: $ids ([string] SDG ids). Columns: id, node (department properties), by sortKey.
UNWIND $ids AS id
MATCH (:Sdg {id: id})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WHERE m.status <> 'DELETED'
WITH DISTINCT id, d
RETURN id, properties(d) AS node
ORDER BY d.sortKey
