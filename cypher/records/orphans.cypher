// Purpose: subjects that have records but are no longer in the documents (their records are kept).
// Params: none.
// Columns: subject (string: indicator or reform sheet id), records (int: revisions kept), in subject order.
MATCH (r:Record)
WHERE NOT EXISTS { (r)-[:RECORDED_FOR]->() }
RETURN r.subjectId AS subject, count(r) AS records
ORDER BY subject
