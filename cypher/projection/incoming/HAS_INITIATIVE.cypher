// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the LinkagePlan nodes pointing at a Initiative through HAS_INITIATIVE.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('HAS_INITIATIVE')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Initiative).
// Columns: node (LinkagePlan nodes).
MATCH (parent)<-[:HAS_INITIATIVE]-(node:LinkagePlan)
RETURN node
