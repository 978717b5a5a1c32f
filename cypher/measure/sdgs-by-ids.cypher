// Purpose: SDGs each measure touches, through its policy item (a measure has no SDG links of its own).
// Params: $ids ([string] measure ids). Columns: id, node (SDG properties), by sortKey.
UNWIND $ids AS id
MATCH (:Measure {id: id})<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
WITH DISTINCT id, g
RETURN id, properties(g) AS node
ORDER BY g.sortKey
