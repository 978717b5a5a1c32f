// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Project nodes a PolicyItem points to through HAS_PROJECT.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('HAS_PROJECT')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Project nodes).
MATCH (parent)-[:HAS_PROJECT]->(node:Project)
RETURN node
