// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   reform sheets supporting any measure of the item.
//   Same rows as the loader it stands in for (GraphLoaders.path('policy-item/reform-sheets-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
