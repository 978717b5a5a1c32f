// Purpose: every recorded revision about some indicators or reform sheets (a DataLoader batch).
// Params: $ids ([string]: indicator or reform sheet ids).
// Columns: id (string: the subject asked for), record (map: the record's properties), label
//          ('IndicatorResult' | 'SheetEvaluation'); per subject by fiscal year, newest revision first.
MATCH (r:Record)
WHERE r.subjectId IN $ids
WITH r ORDER BY r.fiscalYear, r.revision DESC
RETURN r.subjectId AS id, properties(r) AS record, [l IN labels(r) WHERE l <> 'Record'][0] AS label
