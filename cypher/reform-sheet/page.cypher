// Purpose: one page of reform sheets matching a filter, with the total over all pages.
// Params (null = no condition): $area (int), $department (department id) with $role ('EXECUTING' |
//   'PARTNER' | 'ANY'), $sdg (int, through supported measures), $measure (measure code it supports),
//   $evaluation (grade), $viewpoint (folded text contained in the viewpoint), $text (folded),
//   $after (sortKey), $limit (int: page size + 1).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
// The candidates come from the narrowest filter given, each branch starting at an index seek; only with none
// of them does the last branch read the whole label. The guards keep exactly one branch live, and the full
// filter below then decides, so answers do not depend on the branch.
CALL () {
  MATCH (:Department {id: $department})-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)
  WHERE $department IS NOT NULL
  RETURN s
  UNION
  MATCH (:Measure {code: $measure})<-[:SUPPORTS]-(s:ReformSheet)
  WHERE $department IS NULL AND $measure IS NOT NULL
  RETURN s
  UNION
  MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(:Measure)<-[:SUPPORTS]-(s:ReformSheet)
  WHERE $department IS NULL AND $measure IS NULL AND $sdg IS NOT NULL
  RETURN s
  UNION
  // The guard comes first as a row source, so the scan runs only when no narrower filter was given.
  UNWIND CASE WHEN $department IS NULL AND $measure IS NULL AND $sdg IS NULL THEN [true] ELSE [] END AS unfiltered
  MATCH (s:ReformSheet)
  RETURN s
}
WITH s
WHERE ($area IS NULL OR s.areaNumber = $area)
  AND ($department IS NULL
       OR ($role IN ['EXECUTING', 'ANY'] AND EXISTS { (s)<-[:EXECUTES]-(:Department {id: $department}) })
       OR ($role IN ['PARTNER', 'ANY'] AND EXISTS { (s)<-[:PARTNERS_ON]-(:Department {id: $department}) }))
  AND ($sdg IS NULL OR EXISTS { (s)-[:SUPPORTS]->(:Measure)<-[:HAS_MEASURE]-(:PolicyItem)-[:CONTRIBUTES_TO]->(:Sdg {number: $sdg}) })
  AND ($measure IS NULL OR EXISTS { (s)-[:SUPPORTS]->(:Measure {code: $measure}) })
  AND ($evaluation IS NULL OR s.evaluation = $evaluation)
  AND ($viewpoint IS NULL OR s.searchText CONTAINS $viewpoint)
  AND ($text IS NULL OR s.searchText CONTAINS $text)
WITH s ORDER BY s.sortKey
WITH collect(s) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
