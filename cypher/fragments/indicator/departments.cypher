// Condition: one of the departments answers for the indicator (ANSWERS_FOR: Indicator.owners).
// Binds: n (Indicator). Params: $value ([string] department ids).
EXISTS { (n)<-[:ANSWERS_FOR]-(d:Department) WHERE d.id IN $value }
