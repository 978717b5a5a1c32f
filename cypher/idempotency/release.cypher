// Purpose: free an Idempotency-Key whose request ended without writing (refused, failed, or out of time
// before its COMMIT), so the same key may be sent again; only while the claim is still that request's.
// Params: $id (string), $claim (string), $now (int, epoch ms).
// Columns: released (int: 1 when the key was deleted, else 0).
MATCH (k:IdempotencyKey {id: $id})
SET k.checkedAt = $now
WITH k
WHERE k.claim = $claim AND k.state = 'running'
DETACH DELETE k
RETURN count(*) AS released
