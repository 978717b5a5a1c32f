// Start: every policy item.
// Binds: n (PolicyItem). Params: none.
MATCH (n:PolicyItem)
