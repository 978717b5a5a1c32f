// Condition: one of the departments is responsible for the measure.
// Binds: n (Measure). Params: $value ([string] department ids).
EXISTS { (n)<-[:RESPONSIBLE_FOR]-(d:Department) WHERE d.id IN $value }
