// Purpose: one page of audit entries matching a filter, oldest first, with the total over all pages.
// Params (null = no condition): $target (string: a record id or the indicator/sheet id it is about),
//   $actor (string: a token's sub), $since (string, ISO time: at or after), $after (sortKey), $limit (int).
// Columns: totalCount (int), pageNodes ([node] in sortKey order).
MATCH (n:Change)
WHERE ($target IS NULL OR n.targetId = $target OR n.subjectId = $target)
  AND ($actor IS NULL OR n.actor = $actor)
  AND ($since IS NULL OR n.at >= $since)
WITH n ORDER BY n.sortKey
WITH collect(n) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched WHERE $after IS NULL OR x.sortKey > $after][0..$limit] AS pageNodes
