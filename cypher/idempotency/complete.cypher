// Purpose: store the answer of a write with its Idempotency-Key, in the write's own transaction: the key
// turns 'done' only if the write commits. Locks the key first, so it is only completed while this request
// still holds its claim.
// Params: $id (string), $claim (string, this request's claim), $recordId (string, the record written),
//         $answer (string, JSON of the record as answered), $at (int, epoch ms).
// Columns: id (string). No row when the claim is no longer this request's (nothing must be committed then).
MATCH (k:IdempotencyKey {id: $id})
SET k.checkedAt = $at
WITH k
MATCH (r:Record {id: $recordId})
WITH k, r
WHERE k.claim = $claim AND k.state = 'running'
SET k.state = 'done', k.answer = $answer, k.recordId = $recordId, k.completedAt = $at
CREATE (k)-[:ANSWERED_WITH]->(r)
RETURN k.id AS id
