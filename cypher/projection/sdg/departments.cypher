// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   departments responsible for a (non-deleted) measure touching the SDG.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (Department nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
