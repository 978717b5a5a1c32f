// Facet: per field, how many of the matched measures belong to it (each measure to exactly one).
// Binds: matched in, facet ([{number, count}] by field number) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:HAS_MEASURE]-(i:PolicyItem)
WITH i.fieldNumber AS number, count(DISTINCT n) AS count
ORDER BY number
RETURN collect({number: number, count: count}) AS facet
