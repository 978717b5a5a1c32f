// Facet: per field, how many of the matched items belong to it.
// Binds: matched in, facet ([{number, count}] by field number) out. Params: none.
UNWIND matched AS x
WITH x.node.fieldNumber AS number, count(*) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
