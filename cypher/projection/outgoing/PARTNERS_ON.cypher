// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the ReformSheet nodes a Department points to through PARTNERS_ON.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('PARTNERS_ON')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:PARTNERS_ON]->(node:ReformSheet)
RETURN node
