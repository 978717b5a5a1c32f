// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the ReformArea nodes a ReformSheet points to through IN_AREA.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('IN_AREA')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformSheet).
// Columns: node (ReformArea nodes).
MATCH (parent)-[:IN_AREA]->(node:ReformArea)
RETURN node
