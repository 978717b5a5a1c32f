// Purpose: the department × SDG coverage matrix: for every pair with any link, the (non-deleted) measures
// the department answers for whose policy item contributes to the SDG, and the number of reform sheets the
// department takes part in (executing or partner) that support a measure of such an item.
// Params: $field (int or null: only policy items of this field).
// Columns: department (string id), sdg (map: the SDG's properties, so no second read is needed), measures ([map]
//          measure properties without searchText, which only search reads: a third of the bytes; by sortKey),
//          reformSheetCount (int); ordered by department then SDG.
CALL {
  MATCH (d:Department)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  WHERE m.status <> 'DELETED' AND ($field IS NULL OR i.fieldNumber = $field)
  RETURN d, g, m, null AS s
  UNION ALL
  MATCH (d:Department)-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  WHERE $field IS NULL OR i.fieldNumber = $field
  RETURN d, g, null AS m, s
}
WITH d, g, m, s ORDER BY m.sortKey
WITH d, g, collect(DISTINCT m) AS measures, count(DISTINCT s) AS reformSheetCount
RETURN d.id AS department, properties(g) AS sdg, [x IN measures | x {.*, searchText: null}] AS measures, reformSheetCount
ORDER BY d.sortKey, g.sortKey
