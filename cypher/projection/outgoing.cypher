// Purpose: projection template for one relationship type followed out of the parent, run inside
//   CALL (parent) { … } by the selection compiler and, below nested pages, by the same plan. The compiler
//   writes the type and the far end's label in (src/read/declared-relationships.ts `fragmentOf`: names of
//   src/graph/graph-model.ts, never user text), e.g. `MATCH (parent)-[:HAS_MEASURE]->(node:Measure)`.
//   Same rows as the loader it stands in for (cypher/graph/outgoing.cypher); the compiler orders them by node.sortKey.
// Params: none once written in; binds parent.
// Columns: node.
MATCH (parent)-[:$($type)]->(node:$($label))
RETURN node
