// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the ReformSheet nodes a Department points to through EXECUTES.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('EXECUTES')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:EXECUTES]->(node:ReformSheet)
RETURN node
