// Purpose: the department × SDG coverage matrix with counts only, for requests that do not select the cells'
// measures (analytics/sdg-coverage.cypher sends them too, which is most of its bytes and time). Same pairs,
// same counts: the (non-deleted) measures the department answers for whose policy item contributes to the
// SDG, and the reform sheets the department takes part in (executing or partner) that support such a measure.
// Params: $field (int or null: only policy items of this field).
// Columns: department (string id), sdg (map: the SDG's stored properties but searchText), measureCount (int),
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
WITH d, g, count(DISTINCT m) AS measureCount, count(DISTINCT s) AS reformSheetCount
RETURN d.id AS department, g {.*, searchText: null} AS sdg, measureCount, reformSheetCount
ORDER BY d.sortKey, g.sortKey
