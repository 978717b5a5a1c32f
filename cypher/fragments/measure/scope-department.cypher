// Scope: for each parent department id, the measures it is responsible for (unique id index).
// Binds: parent (department id), n (Measure). Params: $parents ([string] department ids).
UNWIND $parents AS parent
MATCH (:Department {id: parent})-[:RESPONSIBLE_FOR]->(n:Measure)
