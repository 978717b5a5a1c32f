// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Initiative nodes a LinkagePlan points to through HAS_INITIATIVE.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('HAS_INITIATIVE')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a LinkagePlan).
// Columns: node (Initiative nodes).
MATCH (parent)-[:HAS_INITIATIVE]->(node:Initiative)
RETURN node
