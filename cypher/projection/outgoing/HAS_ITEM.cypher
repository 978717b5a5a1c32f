// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes a Field points to through HAS_ITEM.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('HAS_ITEM')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Field).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:HAS_ITEM]->(node:PolicyItem)
RETURN node
