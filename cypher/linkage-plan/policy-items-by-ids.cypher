// Purpose: policy items each linkage plan's initiatives target.
// Params: $ids ([string] linkage-plan ids). Columns: id, node (policy-item properties), by sortKey.
UNWIND $ids AS id
MATCH (:LinkagePlan {id: id})-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(i:PolicyItem)
WITH DISTINCT id, i
RETURN id, properties(i) AS node
ORDER BY i.sortKey
