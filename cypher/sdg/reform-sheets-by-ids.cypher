// Purpose: reform sheets touching each SDG: they support a measure whose policy item contributes to it.
// Params: $ids ([string] SDG ids). Columns: id, node (reform-sheet properties), by sortKey.
UNWIND $ids AS id
MATCH (:Sdg {id: id})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(s:ReformSheet)
WITH DISTINCT id, s
RETURN id, properties(s) AS node
ORDER BY s.sortKey
