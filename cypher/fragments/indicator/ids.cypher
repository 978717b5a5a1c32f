// Condition: the indicator has one of the ids.
// Binds: n (Indicator). Params: $value ([string] ids such as indicator:5-1-1).
n.id IN $value
