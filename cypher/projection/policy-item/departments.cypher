// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   departments responsible for any (non-deleted) measure of the item.
//   Same rows as the loader it stands in for (GraphLoaders.path('policy-item/departments-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Department nodes).
MATCH (parent)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
