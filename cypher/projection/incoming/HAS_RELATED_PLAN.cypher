// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   the PolicyItem nodes pointing at a RelatedPlan through HAS_RELATED_PLAN.
//   Same rows as the loader it stands in for (GraphLoaders.incoming('HAS_RELATED_PLAN')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a RelatedPlan).
// Columns: node (PolicyItem nodes).
MATCH (parent)<-[:HAS_RELATED_PLAN]-(node:PolicyItem)
RETURN node
