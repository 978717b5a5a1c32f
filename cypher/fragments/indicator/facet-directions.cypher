// Facet: per direction, how many of the matched indicators should move that way.
// Binds: matched in, facet ([{direction, count}]) out. Params: none.
UNWIND matched AS x
WITH x.node.direction AS direction, count(*) AS count
ORDER BY direction
RETURN collect({direction: direction, count: count}) AS facet
