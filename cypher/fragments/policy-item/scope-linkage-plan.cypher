// Scope: for each parent linkage plan id, the policy items any of its initiatives targets (unique id index).
// Binds: parent (linkage plan id), n (PolicyItem). Params: $parents ([string] linkage plan ids).
UNWIND $parents AS parent
MATCH (:LinkagePlan {id: parent})-[:HAS_INITIATIVE]->(:Initiative)-[:TARGETS]->(n:PolicyItem)
