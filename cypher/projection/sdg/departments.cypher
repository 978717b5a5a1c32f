// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   departments responsible for a (non-deleted) measure touching the SDG.
//   Same rows as the loader it stands in for (GraphLoaders.path('sdg/departments-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (Department nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
