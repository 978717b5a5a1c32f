// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Measure nodes a PolicyItem points to through HAS_MEASURE.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('HAS_MEASURE')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Measure nodes).
MATCH (parent)-[:HAS_MEASURE]->(node:Measure)
RETURN node
