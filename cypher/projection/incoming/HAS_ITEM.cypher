// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Field nodes pointing at a PolicyItem through HAS_ITEM.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('HAS_ITEM')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Field nodes).
MATCH (parent)<-[:HAS_ITEM]-(node:Field)
RETURN node
