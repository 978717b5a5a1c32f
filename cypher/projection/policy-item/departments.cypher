// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   departments responsible for any (non-deleted) measure of the item.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Department nodes).
MATCH (parent)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
