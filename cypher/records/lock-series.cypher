// Purpose: take the write lock of one subject's records for one fiscal year and read its latest revision.
// Concurrent writers of the same series queue on the SET; each then reads the revision the previous one
// committed (Neo4j's documented lock-then-read pattern), so a stale `expectedRevision` is seen as such.
// Params: $seriesId (string), $subjectId (string), $fiscalYear (int), $at (string, ISO time).
// Columns: revision (int: 0 when nothing was recorded yet), latest (map: the latest record's properties, or null).
MERGE (s:RecordSeries {id: $seriesId})
  ON CREATE SET s.revision = 0, s.subjectId = $subjectId, s.fiscalYear = $fiscalYear
SET s.lockedAt = $at
WITH s
OPTIONAL MATCH (latest:Record {id: $seriesId + ':r' + toString(s.revision)})
RETURN s.revision AS revision, properties(latest) AS latest
