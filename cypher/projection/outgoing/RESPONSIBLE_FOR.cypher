// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Measure nodes a Department points to through RESPONSIBLE_FOR.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('RESPONSIBLE_FOR')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (Measure nodes).
MATCH (parent)-[:RESPONSIBLE_FOR]->(node:Measure)
RETURN node
