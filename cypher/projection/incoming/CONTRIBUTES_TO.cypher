// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes pointing at a Sdg through CONTRIBUTES_TO.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('CONTRIBUTES_TO')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (PolicyItem nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(node:PolicyItem)
RETURN node
