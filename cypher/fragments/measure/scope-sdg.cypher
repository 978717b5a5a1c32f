// Scope: for each parent SDG id, the measures of items contributing to it (unique id index).
// Binds: parent (SDG id), n (Measure). Params: $parents ([string] SDG ids).
UNWIND $parents AS parent
MATCH (:Sdg {id: parent})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)
