// Facet: per value of one of the node's own properties, how many of the matched nodes have it.
// Binds: matched in, facet ([{<as>, count}]) out. Params: none. $($property) and $($as) are filled from the kind's declared facet (src/graph/kinds/facet.ts), never from user input.
UNWIND matched AS x
WITH x.node.$($property) AS $($as), count(*) AS count
ORDER BY $($as)
RETURN collect({$($as): $($as), count: count}) AS facet
