// Purpose: one page of policy items matching a filter, with the total over all pages.
// Params (null = no condition): $field (int), $sdg (int), $department (department id responsible for one of
//   its non-deleted measures), $linkagePlan (plan number targeting it), $detailed (bool), $text (folded),
//   $after (sortKey), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
MATCH (i:PolicyItem)
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
