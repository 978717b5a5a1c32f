// Condition: some department answers for the indicator (ANSWERS_FOR: Indicator.owners); false when no line of
// the documents names its owner (seed/reference/indicator-owners.yaml: owner unconfirmed).
// Binds: n (Indicator). Params: none.
EXISTS { (n)<-[:ANSWERS_FOR]-(:Department) }
