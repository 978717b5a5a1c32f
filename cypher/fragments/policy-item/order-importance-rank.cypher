// Sort value: the item's rank by importance to citizens (1 = most important).
// Binds: n (PolicyItem). Params: none.
n.importanceRank
