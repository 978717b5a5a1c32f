// Facet: per department, how many of the matched items have a non-deleted measure it answers for.
// Binds: matched in, facet ([{id, name, nameEn, count}], most items first) out. Params: none.
UNWIND matched AS x
WITH x.node AS n
MATCH (n)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
WHERE m.status <> 'DELETED'
WITH d, count(DISTINCT n) AS count
ORDER BY count DESC, d.sortKey
RETURN collect({id: d.id, name: d.name, nameEn: d.nameEn, count: count}) AS facet
