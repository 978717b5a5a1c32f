// Purpose: an indicator a result is recorded for, and the departments that answer for it (ANSWERS_FOR, from
// seed/reference/indicator-owners.yaml: reviewed measures' departments, or every department of the policy item).
// Params: $id (string, indicator id).
// Columns: id (string), departments ([string] department ids). No row when the indicator does not exist.
MATCH (i:Indicator {id: $id})
OPTIONAL MATCH (d:Department)-[:ANSWERS_FOR]->(i)
RETURN i.id AS id, collect(DISTINCT d.id) AS departments
