// Facet: per SDG, how many of the matched indicators measure an item contributing to it.
// Binds: matched in, facet ([{number, count}] by SDG number) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:MEASURED_BY]-(:PolicyItem)-[:CONTRIBUTES_TO]->(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
