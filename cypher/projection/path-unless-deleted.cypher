// Purpose: projection template for a multi-hop path that passes only nodes the next plan keeps: one node on the
//   way, or the far end, is a measure, and a measure marked DELETED ends the way there (the hop declares
//   `unlessDeleted`, src/graph/kinds/anchor.ts). Run inside CALL (parent) { … } by the selection compiler
//   and wrapped for the loader (cypher/projection/path-by-ids.cypher). The compiler writes the declared hops,
//   the far end's label and the tested node in (src/read/declared-relationships.ts `walkedFragment`: names of
//   src/graph/graph-model.ts, never user text), e.g.
//   `MATCH (parent)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(node:Department) WHERE m.status …`.
// Params: none once written in; binds parent.
// Columns: node (DISTINCT: several ways along the path reach the same node).
MATCH (parent)$($hops)(node:$($label))
WHERE $($kept).status <> 'DELETED'
RETURN DISTINCT node
