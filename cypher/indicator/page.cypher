// Purpose: one page of outcome indicators matching a filter, with the total over all pages.
// Params (null = no condition): $policyItem (code), $field (int), $sdg (int, through the policy item),
//   $direction (Direction), $after (sortKey), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
// The candidates come from the narrowest filter given, each branch starting at an index seek; only with none
// of them does the last branch read the whole label. The guards keep exactly one branch live, and the full
// filter below then decides, so answers do not depend on the branch.
CALL () {
  MATCH (:PolicyItem {code: $policyItem})-[:MEASURED_BY]->(n:Indicator)
  WHERE $policyItem IS NOT NULL
  RETURN n
  UNION
  MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
  WHERE $policyItem IS NULL AND $sdg IS NOT NULL
  RETURN n
  UNION
  MATCH (:Field {id: 'field:' + toString(toInteger($field))})-[:HAS_ITEM]->(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
  WHERE $policyItem IS NULL AND $sdg IS NULL AND $field IS NOT NULL
  RETURN n
  UNION
  // The guard comes first as a row source, so the scan runs only when no narrower filter was given.
  UNWIND CASE WHEN $policyItem IS NULL AND $sdg IS NULL AND $field IS NULL THEN [true] ELSE [] END AS unfiltered
  MATCH (n:Indicator)
  RETURN n
}
// Expanded from each candidate (a plain MATCH lets the planner scan every policy item and join instead).
CALL (n) {
  MATCH (i:PolicyItem)-[:MEASURED_BY]->(n)
  RETURN i
}
WITH i, n
WHERE ($policyItem IS NULL OR i.code = $policyItem)
  AND ($field IS NULL OR i.fieldNumber = $field)
  AND ($sdg IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: $sdg}) })
  AND ($direction IS NULL OR n.direction = $direction)
WITH n ORDER BY n.sortKey
WITH collect(n) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
