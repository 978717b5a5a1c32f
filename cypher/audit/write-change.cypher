// Purpose: one audit entry, written in the same transaction as the change it describes.
// Params: $change (map: id, at, sortKey, actor, actorRole, action, targetId, subjectId, before, after
//         (JSON text or null), requestId).
// Columns: none.
CREATE (c:Change)
SET c = $change
