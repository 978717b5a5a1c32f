// Purpose: (benchmark, raw floor) Q4: one measure by code with its policy item's name.
// Params: $code (string, e.g. 5-1-3).
// Columns: code (string), name (string), policyItem (string: the item's name).
MATCH (i:PolicyItem)-[:HAS_MEASURE]->(m:Measure {code: $code})
RETURN m.code AS code, m.name AS name, i.name AS policyItem
