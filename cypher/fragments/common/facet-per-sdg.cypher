// Facet: per SDG, how many of the matched nodes reach it through a declared path.
// Binds: matched ([{node}]) in, facet ([{number, count}] by SDG number) out. Params: none. $($path) is filled from the kind's declared facet (src/graph/kinds/facet.ts), never from user input.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)$($path)(s:Sdg)
WITH s.number AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
