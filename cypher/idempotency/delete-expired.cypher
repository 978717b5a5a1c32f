// Purpose: delete Idempotency-Keys past their retention (a batch at a time); the records they answered
// stay. Keys past their retention are also ignored when claimed, so this only frees the space.
// Params: $now (int, epoch ms), $limit (int).
// Columns: deleted (int).
MATCH (k:IdempotencyKey)
WHERE k.expiresAt <= $now
WITH k
LIMIT $limit
DETACH DELETE k
RETURN count(*) AS deleted
