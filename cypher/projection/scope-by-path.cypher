// Scope template: a nested connection's nodes along a declared relationship path (src/graph/kinds/
//   relationship.ts): the compiler writes the parent's label, the hops and the far end's label in
//   (src/read/declared-relationships.ts `scopeOf`: names of src/graph/graph-model.ts, never user text), e.g.
//   `MATCH (:Sdg {id: parent})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(n:Measure)`: one pattern from
//   the parent's id (unique id index). Deleted nodes at the end are the listed kind's to leave out (its filter).
// Binds: parent (the parent's id, one per entry of $parents), n (the related node). Params: $parents.
UNWIND $parents AS parent
MATCH (:$($from) {id: parent})$($hops)(n:$($label))
