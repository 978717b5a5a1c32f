// Facet: per department, how many of the matched measures it is responsible for.
// Binds: matched in, facet ([{id, name, nameEn, count}], most measures first) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:RESPONSIBLE_FOR]-(d:Department)
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
