// Condition: the policy item i contributes to one of the SDGs.
// Binds: i (PolicyItem). Params: $value ([int] SDG numbers).
EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $value }
