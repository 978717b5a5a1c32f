// Purpose: the nodes adjacent to one node, with the relationship joining them and its direction.
// Params: $id (node id), $type (relationship type or null for all), $first (int).
// Columns: node (map: neighbour properties), type (string), outgoing (bool: the relationship points from
//          $id to the neighbour), sourceDocument (string), sourcePage (int or null: a PDF's page),
//          sourceLine (int); by type then neighbour order.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
WHERE $type IS NULL OR type(r) = $type
RETURN properties(m) AS node, type(r) AS type, startNode(r) = n AS outgoing,
       r.sourceDocument AS sourceDocument, r.sourcePage AS sourcePage, r.sourceLine AS sourceLine
ORDER BY type, m.sortKey
LIMIT $first
