// Purpose: every outcome indicator with what the progress summary groups it by: the field (分野) of the
// policy item it measures, and the departments that answer for it (responsible for the measure of the same
// code, the rule recording uses: cypher/records/indicator-target.cypher).
// Params: none.
// Columns: indicator (map: indicator properties), field (map: field properties), departments ([map]
//          department properties, by sortKey); ordered by indicator sortKey.
MATCH (f:Field)-[:HAS_ITEM]->(:PolicyItem)-[:MEASURED_BY]->(i:Indicator)
OPTIONAL MATCH (:PolicyItem)-[:HAS_MEASURE]->(:Measure {code: i.code})<-[:RESPONSIBLE_FOR]-(d:Department)
WITH f, i, d ORDER BY d.sortKey
WITH f, i, collect(DISTINCT d) AS departments
RETURN properties(i) AS indicator, properties(f) AS field, [d IN departments | properties(d)] AS departments
ORDER BY i.sortKey
