// Purpose: reform sheets supporting any measure of each policy item.
// Params: $ids ([string] policy-item ids). Columns: id, node (reform-sheet properties), by sortKey.
UNWIND $ids AS id
MATCH (:PolicyItem {id: id})-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(s:ReformSheet)
WITH DISTINCT id, s
RETURN id, properties(s) AS node
ORDER BY s.sortKey
