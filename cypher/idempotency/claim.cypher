// Purpose: claim an editor's Idempotency-Key for a request, or find it claimed: creates the key (state
// 'running', this request's claim) unless it exists, then locks it and reads it. The unique id makes two
// requests racing for a new key queue here, the second finding the first's claim; the lock makes a request
// finding an existing key wait for a write of that key still committing, so it reads the write's outcome.
// Params: $id (string, hash of editor and key), $owner (string, the editor's subject), $key (string),
//         $fingerprint (string, hash of operation and variables), $claim (string, this request's claim),
//         $now, $runningUntil, $expiresAt (int, epoch ms).
// Columns: vanished (boolean: the key was deleted while this waited for its lock, by a release or a sweep
//          committing then; MERGE still holds the deleted node, and the same statement again in this
//          transaction creates the key anew), created (boolean: this request created it), key (map: its
//          properties after the lock).
MERGE (k:IdempotencyKey {id: $id})
  ON CREATE SET
    k.owner = $owner,
    k.key = $key,
    k.fingerprint = $fingerprint,
    k.claim = $claim,
    k.state = 'running',
    k.createdAt = $now,
    k.runningUntil = $runningUntil,
    k.expiresAt = $expiresAt
SET k.checkedAt = $now
RETURN k.id IS NULL AS vanished, coalesce(k.claim = $claim, false) AS created, properties(k) AS key
