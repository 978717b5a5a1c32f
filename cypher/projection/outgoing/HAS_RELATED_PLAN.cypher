// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the RelatedPlan nodes a PolicyItem points to through HAS_RELATED_PLAN.
//   Same rows as the loader it stands in for (GraphLoaders.outgoing('HAS_RELATED_PLAN')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (RelatedPlan nodes).
MATCH (parent)-[:HAS_RELATED_PLAN]->(node:RelatedPlan)
RETURN node
