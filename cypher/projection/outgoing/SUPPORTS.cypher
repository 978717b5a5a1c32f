// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Measure nodes a ReformSheet points to through SUPPORTS.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('SUPPORTS')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformSheet).
// Columns: node (Measure nodes).
MATCH (parent)-[:SUPPORTS]->(node:Measure)
RETURN node
