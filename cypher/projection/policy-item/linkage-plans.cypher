// Purpose: projection fragment, run by the selection compiler (src/engine/) inside CALL (parent) { … }:
//   linkage plans with an initiative targeting the item.
//   Same rows as the loader it stands in for (GraphLoaders.path('policy-item/linkage-plans-by-ids')); the compiler orders them by node.sortKey.
// Params: none; binds parent (a PolicyItem).
// Columns: node (LinkagePlan nodes).
MATCH (parent)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(node:LinkagePlan)
RETURN DISTINCT node
