// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Department nodes pointing at a Measure through RESPONSIBLE_FOR.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('RESPONSIBLE_FOR')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Measure).
// Columns: node (Department nodes).
MATCH (parent)<-[:RESPONSIBLE_FOR]-(node:Department)
RETURN node
