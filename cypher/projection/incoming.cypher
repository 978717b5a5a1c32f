// Purpose: projection template for one relationship type followed into the parent, run inside
//   CALL (parent) { … } by the selection compiler. The compiler writes the type and the far end's label in
//   (src/read/declared-relationships.ts `fragmentOf`: names of src/graph/graph-model.ts, never user text), e.g.
//   `MATCH (parent)<-[:RESPONSIBLE_FOR]-(node:Department)`.
//   Same rows as the loader it stands in for (cypher/graph/incoming.cypher); the compiler orders them by node.sortKey.
// Params: none once written in; binds parent.
// Columns: node.
MATCH (parent)<-[:$($type)]-(node:$($label))
RETURN node
