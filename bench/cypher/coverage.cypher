// Purpose: (benchmark, raw floor and the @neo4j/graphql @cypher field) the department × SDG coverage
// matrix: for every pair with any link, the non-deleted measures the department answers for whose policy
// item contributes to the SDG, and the reform sheets it executes or partners on that support a measure of
// such an item (the service's own definition, cypher/analytics/sdg-coverage.cypher).
// Params: none.
// Columns: cell (map: department id, sdg number, measureCount, reformSheetCount).
CALL () {
  MATCH (d:Department)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  WHERE m.status <> 'DELETED'
  RETURN d, g, m, null AS s
  UNION ALL
  MATCH (d:Department)-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
  RETURN d, g, null AS m, s
}
WITH d, g, count(DISTINCT m) AS measureCount, count(DISTINCT s) AS reformSheetCount
RETURN {department: d.id, sdg: g.number, measureCount: measureCount, reformSheetCount: reformSheetCount} AS cell
