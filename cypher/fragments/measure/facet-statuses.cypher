// Facet: per change mark, how many of the matched measures carry it.
// Binds: matched in, facet ([{status, count}]) out. Params: none.
UNWIND matched AS x
WITH x.node.status AS status, count(*) AS count
ORDER BY status
RETURN collect({status: status, count: count}) AS facet
