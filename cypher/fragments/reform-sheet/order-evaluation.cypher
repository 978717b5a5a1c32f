// Sort value: the sheet's year-end grade (A before C when ascending; ungraded last).
// Binds: n (ReformSheet). Params: none.
n.evaluation
