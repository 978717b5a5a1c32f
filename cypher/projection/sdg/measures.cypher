// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   (non-deleted) measures touching the SDG through their policy item.
//   Same rows as the loader it stands in for (GraphLoaders.path('sdg/measures-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (Measure nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(node:Measure)
WHERE node.status <> 'DELETED'
RETURN DISTINCT node
