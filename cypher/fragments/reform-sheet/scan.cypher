// Start: every reform sheet.
// Binds: n (ReformSheet). Params: none.
MATCH (n:ReformSheet)
