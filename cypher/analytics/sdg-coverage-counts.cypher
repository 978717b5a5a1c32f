// Purpose: the department × SDG coverage matrix with counts only, for requests that do not select the cells'
// measures (analytics/sdg-coverage.cypher sends them too, which is most of its bytes and time). Same pairs,
// same counts: the (non-deleted) measures the department answers for whose policy item contributes to the
// SDG, and the reform sheets the department takes part in (executing or partner) that support such a measure.
// Params: $field (int or null: only policy items of this field).
// Columns (one row): the cells, ordered by department then SDG, as four lists of the same length, one per
//          field of a cell (departments: ids, sdgs: ids, measureCounts, reformSheetCounts), and sdgNodes ([map]
//          the stored properties but searchText of each SDG some cell names, once each: ids in the cells instead
//          of 156 copies of 17 SDGs). Lists rather than one map per cell: the driver decodes every key of every
//          map, and 156 cells × 4 keys were a fifth of the service's CPU for this answer (1.32 -> 0.98 ms a run).
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
// Each cell's department and SDG read in one pass each (a map projection walks a node's properties once;
// `d.sortKey` for the order and `d.id` for the list walked them twice: 624 of 5,093 database hits).
WITH d {.id, .sortKey} AS department, g {.id, .sortKey} AS sdg, g, measureCount, reformSheetCount
ORDER BY department.sortKey, sdg.sortKey
WITH collect(department.id) AS departments, collect(sdg.id) AS sdgs, collect(measureCount) AS measureCounts,
     collect(reformSheetCount) AS reformSheetCounts, collect(DISTINCT g) AS sdgNodes
RETURN departments, sdgs, measureCounts, reformSheetCounts, [x IN sdgNodes | x {.*, searchText: null}] AS sdgNodes
