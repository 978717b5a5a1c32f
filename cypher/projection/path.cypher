// Purpose: projection template for a multi-hop path that keeps every node it reaches, run inside
//   CALL (parent) { … } by the selection compiler and wrapped for the loader (cypher/projection/path-by-ids.cypher).
//   The compiler writes the declared hops and the far end's label in (src/read/declared-relationships.ts `walkedFragment`:
//   names of src/graph/graph-model.ts, never user text), e.g.
//   `MATCH (parent)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(node:Sdg)`. Both order by node.sortKey.
// Params: none once written in; binds parent.
// Columns: node (DISTINCT: several ways along the path reach the same node).
MATCH (parent)$($hops)(node:$($label))
RETURN DISTINCT node
