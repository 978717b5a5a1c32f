// Purpose: everything the database holds, node by node with its outgoing relationships, so a test can
// fingerprint the whole graph before and after hostile traffic and prove nothing was written.
// Params: none.
// Columns: id (string or null), labels ([string]), properties (map), outgoing ([[type, target id,
//          properties]]), ordered by id.
MATCH (n)
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY type(r), m.id
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS outgoing
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties, outgoing
ORDER BY id
