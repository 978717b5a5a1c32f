// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   SDGs the department's (non-deleted) measures touch through their policy items.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Department).
// Columns: node (Sdg nodes).
MATCH (parent)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)
WHERE m.status <> 'DELETED'
RETURN DISTINCT node
