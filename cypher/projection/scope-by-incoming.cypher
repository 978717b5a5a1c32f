// Scope template: a nested connection's nodes for a relationship field that is one relationship type followed
//   into the parent (src/read/page/fragments.ts `relationshipScope`). The compiler writes the type and the
//   far end's label in, as for cypher/projection/incoming.cypher (src/read/declared-relationships.ts `singleHopScope`):
//   the same nodes the field's plain list lists, as one pattern from the parent's id.
// Binds: parent (the parent's id, one per entry of $parents), n (the related node). Params: $parents.
UNWIND $parents AS parent
MATCH (:Entity {id: parent})<-[:$($type)]-(n:$($label))
