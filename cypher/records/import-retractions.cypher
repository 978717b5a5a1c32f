// Purpose: apply retractions a backup has and the database not yet; a retracted record is never touched,
// so no retraction is undone or rewritten.
// Params: $rows ([{id, reason, by, at}]).
// Columns: retracted (int).
UNWIND $rows AS row
MATCH (r:Record {id: row.id})
WHERE r.retracted = false
SET r.retracted = true, r.retractedReason = row.reason, r.retractedBy = row.by, r.retractedAt = row.at
RETURN count(r) AS retracted
