// Facet: per area, how many of the matched sheets are in it.
// Binds: matched in, facet ([{number, count}] by area) out. Params: none.
UNWIND matched AS x
WITH x.node.areaNumber AS number, count(*) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
