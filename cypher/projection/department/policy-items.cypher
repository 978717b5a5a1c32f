// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   policy items in which the department is responsible for a (non-deleted) measure.
//   Same rows as the loader it stands in for (GraphLoaders.path('department/policy-items-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(node:PolicyItem)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
