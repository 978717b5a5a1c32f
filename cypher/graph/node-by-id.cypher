// Purpose: one node by id with only the properties an operation reads of it: the root of a compiled
//   statement for a lookup field (`measure(code:)`, `sdg(number:)`…), where the whole node (its long texts
//   and their folded search copy) would be most of the bytes read.
// A template: src/graph/node-by-id.ts binds `$($properties)` (`.id, .code, …`: names of
//   src/graph/node-properties.ts, never user text) and leaves `$($entity)` to the selection compiler
//   (src/graph/root-entity.ts): empty as run alone, `, n AS n0` where relationships are read below the node,
//   so they start from it rather than seeking it again by id.
// Params: $id (string).
// Columns: node (map: the properties asked for); no row when there is no such node.
MATCH (n:Entity {id: $id})
RETURN n {$($properties)} AS node$($entity)
