// Start: every indicator.
// Binds: n (Indicator). Params: none.
MATCH (n:Indicator)
