// Purpose: mark a record retracted; it stays in history with who, when and why.
// Params: $id (string), $reason (string), $by (string), $at (string, ISO time).
// Columns: record (map: the stored properties after the change).
MATCH (r:Record {id: $id})
SET r.retracted = true, r.retractedReason = $reason, r.retractedBy = $by, r.retractedAt = $at
REMOVE r.lockedAt
RETURN properties(r) AS record
