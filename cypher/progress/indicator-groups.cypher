// Purpose: every outcome indicator with what the progress summary groups it by: the field (分野) and the
// policy item it measures, the SDGs that policy item contributes to, and the departments that answer for it
// (ANSWERS_FOR, the owners recording uses: cypher/records/indicator-target.cypher).
// Params: none.
// Columns: indicator (map: indicator properties), field (map: field properties), policyItem (map: policy item
//          properties), sdgs ([map] SDG properties, by number), departments ([map] department properties, by
//          sortKey); ordered by indicator sortKey.
MATCH (f:Field)-[:HAS_ITEM]->(p:PolicyItem)-[:MEASURED_BY]->(i:Indicator)
OPTIONAL MATCH (d:Department)-[:ANSWERS_FOR]->(i)
WITH f, p, i, d ORDER BY d.sortKey
WITH f, p, i, collect(DISTINCT d) AS departments
RETURN properties(i) AS indicator, properties(f) AS field, properties(p) AS policyItem,
       COLLECT { MATCH (p)-[:CONTRIBUTES_TO]->(s:Sdg) RETURN properties(s) ORDER BY s.number } AS sdgs,
       [d IN departments | properties(d)] AS departments
ORDER BY i.sortKey
