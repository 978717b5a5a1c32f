// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   policy items in which the department is responsible for a (non-deleted) measure.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(node:PolicyItem)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
