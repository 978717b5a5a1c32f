// Start: the indicators of the ids (unique id constraint).
// Binds: n (Indicator). Params: $value ([string] ids such as indicator:5-1-1).
MATCH (n:Indicator)
WHERE n.id IN $value
