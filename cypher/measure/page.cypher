// Purpose: one page of measures matching a filter, with the total over all pages.
// Params (null = no condition): $sdg (int), $department (department id), $policyItem (code), $field (int),
//   $status ([string] ChangeStatus values), $includeDeleted (bool; true also when $status names DELETED),
//   $text (folded search text, see matchKey), $after (sortKey to continue after), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
// The candidates come from the narrowest filter given, each branch starting at an index seek (department id,
// policy item code, SDG number, field id); only with none of them does it read every measure. The guards
// keep exactly one branch live, and the full filter below then decides, so answers do not depend on the branch.
CALL () {
  MATCH (:Department {id: $department})-[:RESPONSIBLE_FOR]->(m:Measure)
  WHERE $department IS NOT NULL
  RETURN m
  UNION
  MATCH (:PolicyItem {code: $policyItem})-[:HAS_MEASURE]->(m:Measure)
  WHERE $department IS NULL AND $policyItem IS NOT NULL
  RETURN m
  UNION
  MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)
  WHERE $department IS NULL AND $policyItem IS NULL AND $sdg IS NOT NULL
  RETURN m
  UNION
  MATCH (:Field {id: 'field:' + toString(toInteger($field))})-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)
  WHERE $department IS NULL AND $policyItem IS NULL AND $sdg IS NULL AND $field IS NOT NULL
  RETURN m
  UNION
  // The guard comes first as a row source, so the scan runs only when no narrower filter was given.
  UNWIND CASE WHEN $department IS NULL AND $policyItem IS NULL AND $sdg IS NULL AND $field IS NULL
    THEN [true] ELSE [] END AS unfiltered
  MATCH (m:Measure)
  RETURN m
}
// Expanded from each candidate (a plain MATCH lets the planner scan every policy item and join instead).
CALL (m) {
  MATCH (i:PolicyItem)-[:HAS_MEASURE]->(m)
  RETURN i
}
WITH i, m
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
