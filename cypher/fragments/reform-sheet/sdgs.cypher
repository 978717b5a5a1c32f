// Condition: the sheet supports a measure of an item contributing to one of the SDGs.
// Binds: n (ReformSheet). Params: $value ([int] SDG numbers).
EXISTS { (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN $value }
