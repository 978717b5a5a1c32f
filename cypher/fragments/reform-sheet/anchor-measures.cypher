// Start: sheets supporting the measures (code index).
// Binds: n (ReformSheet). Params: $value ([string] measure codes).
MATCH (a:Measure)<-[:SUPPORTS]-(n:ReformSheet)
WHERE a.code IN $value
