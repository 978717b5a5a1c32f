// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   reform sheets supporting a measure whose policy item contributes to the SDG.
//   Same rows as the loader it stands in for (GraphLoaders.path('sdg/reform-sheets-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (ReformSheet nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
