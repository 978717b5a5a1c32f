// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   reform sheets the department executes or partners on (role ANY).
//   Same rows as the loader it stands in for (GraphLoaders.path('department/reform-sheets-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:EXECUTES|PARTNERS_ON]->(node:ReformSheet)
RETURN DISTINCT node
