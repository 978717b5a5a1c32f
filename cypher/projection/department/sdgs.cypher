// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   SDGs the department's (non-deleted) measures touch through their policy items.
//   Same rows as the loader it stands in for (GraphLoaders.path('department/sdgs-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (Sdg nodes).
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
