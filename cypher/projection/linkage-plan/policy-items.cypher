// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   policy items the plan's initiatives target.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a LinkagePlan).
// Columns: node (PolicyItem nodes).
MATCH (parent)-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(node:PolicyItem)
RETURN DISTINCT node
