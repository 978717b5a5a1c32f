// Condition: the measure's change mark is one of the values.
// Binds: n (Measure). Params: $value ([string] ChangeStatus values).
n.status IN $value
