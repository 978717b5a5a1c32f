// Scope: for each parent department id, the sheets it executes or partners on (unique id index).
// Binds: parent (department id), n (ReformSheet). Params: $parents ([string] department ids).
UNWIND $parents AS parent
MATCH (:Department {id: parent})-[:EXECUTES|PARTNERS_ON]->(n:ReformSheet)
