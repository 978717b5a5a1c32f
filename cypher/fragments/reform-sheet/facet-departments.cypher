// Facet: per department, how many of the matched sheets it executes (実行課).
// Binds: matched in, facet ([{id, name, nameEn, count}], most sheets first) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)<-[:EXECUTES]-(d:Department)
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
