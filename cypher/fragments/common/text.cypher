// Condition: the node's folded search text contains the value (see matchKey).
// Binds: n. Params: $value (string, folded).
n.searchText CONTAINS $value
