// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes pointing at a Measure through HAS_MEASURE.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('HAS_MEASURE')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Measure).
// Columns: node (PolicyItem nodes).
MATCH (parent)<-[:HAS_MEASURE]-(node:PolicyItem)
RETURN node
