// Purpose: remove graph nodes that the new seed no longer has (with any relationships left on them).
// Params: $ids ([string]: every node id of the new seed).
// Columns: deleted (int).
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(n) AS deleted
