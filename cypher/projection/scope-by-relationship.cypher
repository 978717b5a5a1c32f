// Scope template: a nested connection's nodes for a relationship field without a scope fragment of its own
//   (src/read/page/fragments.ts `relationshipScope`): the hole `$($hop)` is the field's projection
//   fragment (cypher/projection/outgoing|incoming.cypher written in, or a path's file), which binds `node`
//   from `parent`. The same fragment the selection compiler inlines and the field's loader batches, so a
//   `<field>Connection` pages exactly the nodes its plain list `<field>` lists.
// Binds: parent (the parent's id, one per entry of $parents), n (the related node). Params: $parents.
UNWIND $parents AS parent
MATCH (parentNode:Entity {id: parent})
CALL (parentNode) {
  WITH parentNode AS parent
  $($hop)
}
WITH parent, node AS n
