// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the ReformSheet nodes pointing at a Measure through SUPPORTS.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('SUPPORTS')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Measure).
// Columns: node (ReformSheet nodes).
MATCH (parent)<-[:SUPPORTS]-(node:ReformSheet)
RETURN node
