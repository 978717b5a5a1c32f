// Purpose: path fragment (src/read/relationships.ts), inlined by the selection compiler in CALL (parent) { … }:
//   reform sheets supporting a measure whose policy item contributes to the SDG.
//   The loader's batch statement is this fragment wrapped (cypher/projection/path-by-ids.cypher); both order by node.sortKey.
// Params: none; binds parent (a Sdg).
// Columns: node (ReformSheet nodes).
MATCH (parent)<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(node:ReformSheet)
RETURN DISTINCT node
