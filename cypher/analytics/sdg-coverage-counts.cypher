// Purpose: the department × SDG coverage matrix with counts only, for requests that do not select the cells'
// measures (analytics/sdg-coverage.cypher sends them too, which is most of its bytes and time). Same pairs,
// same counts: the (non-deleted) measures the department answers for whose policy item contributes to the
// SDG, and the reform sheets the department takes part in (executing or partner) that support such a measure.
// Params: $field (int or null: only policy items of this field).
// Columns (one row): cells ([map] {department: id, sdg: id, measureCount, reformSheetCount}, ordered by department
//          then SDG), sdgs ([map] the stored properties but searchText of each SDG some cell names, once each: ids
//          in the cells instead of 156 copies of 17 SDGs).
CALL {
  MATCH (d:Department)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  WHERE m.status <> 'DELETED' AND ($field IS NULL OR i.fieldNumber = $field)
  RETURN d, g, m, null AS s
  UNION ALL
  MATCH (d:Department)-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  WHERE $field IS NULL OR i.fieldNumber = $field
  RETURN d, g, null AS m, s
}
WITH d, g, count(DISTINCT m) AS measureCount, count(DISTINCT s) AS reformSheetCount
ORDER BY d.sortKey, g.sortKey
WITH collect({department: d.id, sdg: g.id, measureCount: measureCount, reformSheetCount: reformSheetCount}) AS cells,
     collect(DISTINCT g) AS sdgs
RETURN cells, [x IN sdgs | x {.*, searchText: null}] AS sdgs
