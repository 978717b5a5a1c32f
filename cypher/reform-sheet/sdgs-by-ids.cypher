// Purpose: SDGs each reform sheet touches through the measures it supports.
// Params: $ids ([string] reform-sheet ids). Columns: id, node (SDG properties), by sortKey.
UNWIND $ids AS id
MATCH (:ReformSheet {id: id})-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
WITH DISTINCT id, g
RETURN id, properties(g) AS node
ORDER BY g.sortKey
