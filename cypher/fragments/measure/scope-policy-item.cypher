// Scope: for each parent policy item id, its measures (unique id index).
// Binds: parent (policy item id), n (Measure). Params: $parents ([string] policy item ids).
UNWIND $parents AS parent
MATCH (:PolicyItem {id: parent})-[:HAS_MEASURE]->(n:Measure)
