// Quantity: the node's own number (a measure's, policy item's or reform sheet's number within its parent).
// Binds: n. Params: none.
n.number
