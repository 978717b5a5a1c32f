// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Department nodes pointing at a ReformSheet through EXECUTES.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('EXECUTES')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformSheet).
// Columns: node (Department nodes).
MATCH (parent)<-[:EXECUTES]-(node:Department)
RETURN node
