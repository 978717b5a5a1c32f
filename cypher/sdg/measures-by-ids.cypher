// Purpose: (non-deleted) measures touching each SDG through their policy item.
// Params: $ids ([string] SDG ids). Columns: id, node (measure properties), by sortKey.
UNWIND $ids AS id
MATCH (:Sdg {id: id})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)
WHERE m.status <> 'DELETED'
WITH DISTINCT id, m
RETURN id, properties(m) AS node
ORDER BY m.sortKey
