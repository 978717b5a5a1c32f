// Purpose: a reform sheet an evaluation is recorded for, and its executing departments (実行課).
// Params: $id (string, reform sheet id).
// Columns: id (string), departments ([string] department ids). No row when the sheet does not exist.
MATCH (s:ReformSheet {id: $id})
OPTIONAL MATCH (d:Department)-[:EXECUTES]->(s)
RETURN s.id AS id, collect(DISTINCT d.id) AS departments
