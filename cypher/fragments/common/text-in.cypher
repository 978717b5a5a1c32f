// Condition: one declared text of the node (src/graph/kinds/) is one of the values, as stored.
// Binds: n. Params: $value ([string]). $($property) is filled with the declared attribute's name (an identifier checked by declaredFragment, never user input).
n.$($property) IN $value
