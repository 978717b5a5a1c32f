// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes pointing at a Project through HAS_PROJECT.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('HAS_PROJECT')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Project).
// Columns: node (PolicyItem nodes).
MATCH (parent)<-[:HAS_PROJECT]-(node:PolicyItem)
RETURN node
