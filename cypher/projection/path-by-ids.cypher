// Batch template: a path fragment (cypher/projection/path.cypher or <path>.cypher) as a DataLoader batch statement
//   (src/read/graph-loaders.ts `path`): the hole `$($path)` is the fragment, which binds `node` from
//   `parent`. One fragment per path serves both the compiler (inlined below root nodes) and the loader.
// Params: $ids ([string], the parents' ids). Columns: id (the key), node (map: the node's properties),
//   ordered by the node's sortKey (the loader groups rows by key and keeps their order).
UNWIND $ids AS id
MATCH (parent:Entity {id: id})
CALL (parent) {
  $($path)
}
RETURN id, properties(node) AS node
ORDER BY node.sortKey
