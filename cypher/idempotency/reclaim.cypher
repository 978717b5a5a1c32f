// Purpose: give a claimed Idempotency-Key to a new request: one whose retention is over (anew: new
// fingerprint, times and no answer), or one whose first request ended without writing (its claim expired).
// Run in the transaction that locked the key (idempotency/claim), after reading it.
// Params: $id (string), $changes (map: claim, state 'running', runningUntil; anew also fingerprint,
//         createdAt, expiresAt, and answer and recordId as null).
// Columns: none.
MATCH (k:IdempotencyKey {id: $id})
SET k += $changes
WITH k
OPTIONAL MATCH (k)-[answered:ANSWERED_WITH]->()
DELETE answered
