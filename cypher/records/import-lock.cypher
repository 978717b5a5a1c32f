// Purpose: take the write locks of what a backup names before reading it, as writers do (lock-then-read):
// the series (a writer of a new revision queues on its series) and the records (a retraction queues on its
// record), so nothing the import checked changes before it commits. The records keep no stamp.
// Params: $seriesIds ([string]), $recordIds ([string]), $at (string, ISO time).
// Columns: series (int), records (int): how many of each exist and are locked.
CALL {
  UNWIND $seriesIds AS id
  MATCH (s:RecordSeries {id: id})
  SET s.lockedAt = $at
  RETURN count(s) AS series
}
CALL {
  UNWIND $recordIds AS id
  MATCH (r:Record {id: id})
  SET r.lockedAt = $at
  REMOVE r.lockedAt
  RETURN count(r) AS records
}
RETURN series, records
