// Condition: the node stays in the next plan (a revised node marked DELETED is left out; nodes without a
//   change mark stay).
// Binds: n. Params: none.
coalesce(n.status, '') <> 'DELETED'
