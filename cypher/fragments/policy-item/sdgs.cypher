// Condition: the item contributes to one of the SDGs.
// Binds: n (PolicyItem). Params: $value ([int] SDG numbers).
EXISTS { (n)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $value }
