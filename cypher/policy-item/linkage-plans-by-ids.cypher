// Purpose: linkage plans with an initiative targeting each policy item.
// Params: $ids ([string] policy-item ids). Columns: id, node (linkage-plan properties), by sortKey.
UNWIND $ids AS id
MATCH (:PolicyItem {id: id})<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(p:LinkagePlan)
WITH DISTINCT id, p
RETURN id, properties(p) AS node
ORDER BY p.sortKey
