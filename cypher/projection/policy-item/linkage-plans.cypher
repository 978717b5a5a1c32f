// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   linkage plans with an initiative targeting the item.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (LinkagePlan nodes).
MATCH (parent)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(node:LinkagePlan)
RETURN DISTINCT node
