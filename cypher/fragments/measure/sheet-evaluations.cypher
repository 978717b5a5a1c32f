// Condition: a reform sheet supporting the measure has one of the year-end grades.
// Binds: n (Measure). Params: $value ([string] grades such as C).
EXISTS { (n)<-[:SUPPORTS]-(s:ReformSheet) WHERE s.evaluation IN $value }
