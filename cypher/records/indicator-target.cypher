// Purpose: an indicator a result is recorded for, and the departments that answer for it (those responsible
// for the measure of the same code under the policy item the indicator measures).
// Params: $id (string, indicator id).
// Columns: id (string), departments ([string] department ids). No row when the indicator does not exist.
MATCH (i:Indicator {id: $id})
OPTIONAL MATCH (:PolicyItem)-[:MEASURED_BY]->(i)
OPTIONAL MATCH (:PolicyItem)-[:HAS_MEASURE]->(m:Measure {code: i.code})<-[:RESPONSIBLE_FOR]-(d:Department)
RETURN i.id AS id, collect(DISTINCT d.id) AS departments
