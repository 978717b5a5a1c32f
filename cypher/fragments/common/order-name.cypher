// Sort value: the node's name.
// Binds: n. Params: none.
n.name
