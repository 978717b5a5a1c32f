// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Department nodes pointing at a ReformSheet through PARTNERS_ON.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('PARTNERS_ON')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformSheet).
// Columns: node (Department nodes).
MATCH (parent)<-[:PARTNERS_ON]-(node:Department)
RETURN node
