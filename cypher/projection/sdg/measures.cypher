// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   (non-deleted) measures touching the SDG through their policy item.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (Measure nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(node:Measure)
WHERE node.status <> 'DELETED'
RETURN DISTINCT node
