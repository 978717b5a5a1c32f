// Condition: the indicator should move one of these ways.
// Binds: n (Indicator). Params: $value ([string] Direction values).
n.direction IN $value
