// Facet: per SDG, how many of the matched sheets support a measure touching it.
// Binds: matched in, facet ([{number, count}] by SDG number) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
