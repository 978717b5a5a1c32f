// Purpose: every record, record series and audit entry, for `npm run records:export` (JSON Lines).
// Params: none.
// Columns: label ('IndicatorResult' | 'SheetEvaluation' | 'RecordSeries' | 'Change'), properties (map);
//          series first, then records, then audit entries, each by id: a stable order, so exporting the same
//          state twice gives the same file. The audit entries of imports (IMPORT_RECORDS) are left out: they
//          describe this database's restores, and the import of this file into another database adds its own.
CALL {
  MATCH (s:RecordSeries)
  RETURN 0 AS rank, 'RecordSeries' AS label, s.id AS id, properties(s) AS properties
  UNION ALL
  MATCH (r:Record)
  RETURN 1 AS rank, [l IN labels(r) WHERE l <> 'Record'][0] AS label, r.id AS id, properties(r) AS properties
  UNION ALL
  MATCH (c:Change)
  WHERE c.action <> 'IMPORT_RECORDS'
  RETURN 2 AS rank, 'Change' AS label, c.id AS id, properties(c) AS properties
}
RETURN label, properties
ORDER BY rank, id
