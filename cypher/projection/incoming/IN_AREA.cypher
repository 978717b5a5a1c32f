// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the ReformSheet nodes pointing at a ReformArea through IN_AREA.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('IN_AREA')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a ReformArea).
// Columns: node (ReformSheet nodes).
MATCH (parent)<-[:IN_AREA]-(node:ReformSheet)
RETURN node
