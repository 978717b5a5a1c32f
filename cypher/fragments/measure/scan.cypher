// Start: every measure (when no condition that must hold can anchor the match).
// Binds: n (Measure). Params: none.
MATCH (n:Measure)
