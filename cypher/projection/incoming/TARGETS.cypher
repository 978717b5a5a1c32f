// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Initiative nodes pointing at a PolicyItem through TARGETS.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('TARGETS')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Initiative nodes).
MATCH (parent)<-[:TARGETS]-(node:Initiative)
RETURN node
