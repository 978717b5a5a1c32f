// Start: items contributing to the SDGs (number index).
// Binds: n (PolicyItem). Params: $value ([int] SDG numbers).
MATCH (a:Sdg)<-[:CONTRIBUTES_TO]-(n:PolicyItem)
WHERE a.number IN $value
