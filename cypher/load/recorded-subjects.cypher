// Purpose: every indicator or reform sheet that has recorded results or evaluations, in the graph or not:
// what `npm run ingest -- --diff` checks against a new edition, to name the records a load would orphan.
// Params: none.
// Columns: subject (string: indicator or reform sheet id), records (int: revisions kept), in subject order.
MATCH (r:Record)
RETURN r.subjectId AS subject, count(r) AS records
ORDER BY subject
