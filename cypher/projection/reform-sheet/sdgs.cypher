// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the SDGs the sheet touches through the measures it supports.
//   Same rows as the loader it stands in for (GraphLoaders.path('reform-sheet/sdgs-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformSheet).
// Columns: node (Sdg nodes).
MATCH (parent)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
RETURN DISTINCT node
