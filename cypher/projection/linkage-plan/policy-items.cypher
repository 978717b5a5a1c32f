// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   policy items the plan's initiatives target.
//   Same rows as the loader it stands in for (GraphLoaders.path('linkage-plan/policy-items-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a LinkagePlan).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(node:PolicyItem)
RETURN DISTINCT node
