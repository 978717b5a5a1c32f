// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes a Initiative points to through TARGETS.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('TARGETS')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Initiative).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:TARGETS]->(node:PolicyItem)
RETURN node
