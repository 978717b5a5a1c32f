// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the SDGs the measure touches through its policy item.
//   Same rows as the loader it stands in for (GraphLoaders.path('measure/sdgs-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Measure).
// Columns: node (Sdg nodes).
MATCH (parent)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
RETURN DISTINCT node
