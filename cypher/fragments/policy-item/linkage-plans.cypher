// Condition: an initiative of one of the linkage plans targets the item.
// Binds: n (PolicyItem). Params: $value ([int] plan numbers).
EXISTS { (n)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(p:LinkagePlan) WHERE p.number IN $value }
