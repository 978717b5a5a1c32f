// Sort value: the item's rank by citizen satisfaction (1 = most satisfied).
// Binds: n (PolicyItem). Params: none.
n.satisfactionRank
