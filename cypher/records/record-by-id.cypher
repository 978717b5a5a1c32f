// Purpose: one record with the departments that answer for its subject, locking it for a retraction.
// Params: $id (string, record id), $at (string, ISO time).
// Columns: record (map), label (string), departments ([string]). No row when the record does not exist.
MATCH (r:Record {id: $id})
SET r.lockedAt = $at
WITH r
OPTIONAL MATCH (r)-[:RECORDED_FOR]->(subject)
OPTIONAL MATCH (:PolicyItem)-[:HAS_MEASURE]->(m:Measure {code: subject.code})<-[:RESPONSIBLE_FOR]-(rd:Department)
WHERE subject:Indicator
OPTIONAL MATCH (ed:Department)-[:EXECUTES]->(subject:ReformSheet)
WITH r, collect(DISTINCT rd.id) + collect(DISTINCT ed.id) AS departments
RETURN properties(r) AS record, [l IN labels(r) WHERE l <> 'Record'][0] AS label, departments
