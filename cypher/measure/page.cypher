// Purpose: one page of measures matching a filter, with the total over all pages.
// Params (null = no condition): $sdg (int), $department (department id), $policyItem (code), $field (int),
//   $status ([string] ChangeStatus values), $includeDeleted (bool; true also when $status names DELETED),
//   $text (folded search text, see matchKey), $after (sortKey to continue after), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
MATCH (i:PolicyItem)-[:HAS_MEASURE]->(m:Measure)
WHERE ($includeDeleted OR m.status <> 'DELETED')
  AND ($status IS NULL OR m.status IN $status)
  AND ($policyItem IS NULL OR i.code = $policyItem)
  AND ($field IS NULL OR i.fieldNumber = $field)
  AND ($sdg IS NULL OR EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: $sdg}) })
  AND ($department IS NULL OR EXISTS { (m)<-[:RESPONSIBLE_FOR]-(:Department {id: $department}) })
  AND ($text IS NULL OR m.searchText CONTAINS $text)
WITH m ORDER BY m.sortKey
WITH collect(m) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
