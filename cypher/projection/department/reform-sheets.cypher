// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   reform sheets the department executes or partners on (role ANY).
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (ReformSheet nodes).
MATCH (parent)-[:EXECUTES|PARTNERS_ON]->(node:ReformSheet)
RETURN DISTINCT node
