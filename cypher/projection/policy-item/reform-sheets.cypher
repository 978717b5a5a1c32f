// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   reform sheets supporting any measure of the item.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
