// Condition: the measure stays in the next plan (deleted measures are listed only when asked for).
// Binds: n (Measure). Params: none.
n.status <> 'DELETED'
