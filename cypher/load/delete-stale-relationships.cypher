// Purpose: remove relationships between graph nodes that the new seed no longer has.
// Params: $keys ([string]: "TYPE|fromId|toId" of every relationship of the new seed).
// Columns: deleted (int).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT (type(r) + '|' + a.id + '|' + b.id) IN $keys
DELETE r
RETURN count(r) AS deleted
