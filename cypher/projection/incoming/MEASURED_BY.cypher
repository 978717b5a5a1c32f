// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes pointing at a Indicator through MEASURED_BY.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('MEASURED_BY')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Indicator).
// Columns: node (PolicyItem nodes).
MATCH (parent)<-[:MEASURED_BY]-(node:PolicyItem)
RETURN node
