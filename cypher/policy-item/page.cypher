// Purpose: one page of policy items matching a filter, with the total over all pages.
// Params (null = no condition): $field (int), $sdg (int), $department (department id responsible for one of
//   its non-deleted measures), $linkagePlan (plan number targeting it), $detailed (bool), $text (folded),
//   $after (sortKey), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
// The candidates come from the narrowest filter given, each branch starting at an index seek; only with none
// of them does the last branch read the whole label. The guards keep exactly one branch live, and the full
// filter below then decides, so answers do not depend on the branch.
CALL () {
  MATCH (:Department {id: $department})-[:RESPONSIBLE_FOR]->(:Measure)<-[:HAS_MEASURE]-(i:PolicyItem)
  WHERE $department IS NOT NULL
  RETURN i
  UNION
  MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(i:PolicyItem)
  WHERE $department IS NULL AND $sdg IS NOT NULL
  RETURN i
  UNION
  MATCH (:Field {id: 'field:' + toString(toInteger($field))})-[:HAS_ITEM]->(i:PolicyItem)
  WHERE $department IS NULL AND $sdg IS NULL AND $field IS NOT NULL
  RETURN i
  UNION
  // The guard comes first as a row source, so the scan runs only when no narrower filter was given.
  UNWIND CASE WHEN $department IS NULL AND $sdg IS NULL AND $field IS NULL THEN [true] ELSE [] END AS unfiltered
  MATCH (i:PolicyItem)
  RETURN i
}
WITH i
WHERE ($field IS NULL OR i.fieldNumber = $field)
  AND ($detailed IS NULL OR i.detailed = $detailed)
  AND ($sdg IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: $sdg}) })
  AND ($department IS NULL OR EXISTS {
        (i)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(:Department {id: $department}) WHERE m.status <> 'DELETED' })
  AND ($linkagePlan IS NULL OR EXISTS { (i)<-[:TARGETS]-(:Initiative)<-[:HAS_INITIATIVE]-(:LinkagePlan {number: $linkagePlan}) })
  AND ($text IS NULL OR i.searchText CONTAINS $text)
WITH i ORDER BY i.sortKey
WITH collect(i) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
