// Purpose: one page of outcome indicators matching a filter, with the total over all pages.
// Params (null = no condition): $policyItem (code), $field (int), $sdg (int, through the policy item),
//   $direction (Direction), $after (sortKey), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
MATCH (i:PolicyItem)-[:MEASURED_BY]->(n:Indicator)
WHERE ($policyItem IS NULL OR i.code = $policyItem)
  AND ($field IS NULL OR i.fieldNumber = $field)
  AND ($sdg IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: $sdg}) })
  AND ($direction IS NULL OR n.direction = $direction)
WITH n ORDER BY n.sortKey
WITH collect(n) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
