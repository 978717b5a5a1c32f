// Scope: for each parent SDG id, the policy items contributing to it (unique id index).
// Binds: parent (SDG id), n (PolicyItem). Params: $parents ([string] SDG ids).
UNWIND $parents AS parent
MATCH (:Sdg {id: parent})<-[:CONTRIBUTES_TO]-(n:PolicyItem)
