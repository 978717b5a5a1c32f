// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the Sdg nodes a PolicyItem points to through CONTRIBUTES_TO.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('CONTRIBUTES_TO')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (Sdg nodes).
MATCH (parent)-[:CONTRIBUTES_TO]->(node:Sdg)
RETURN node
