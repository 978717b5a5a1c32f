// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Indicator nodes a PolicyItem points to through MEASURED_BY.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('MEASURED_BY')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Indicator nodes).
MATCH (parent)-[:MEASURED_BY]->(node:Indicator)
RETURN node
