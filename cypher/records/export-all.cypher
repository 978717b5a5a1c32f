// Purpose: every record, record series and audit entry, for `npm run records:export` (JSON Lines).
// Params: none.
// Columns: label ('IndicatorResult' | 'SheetEvaluation' | 'RecordSeries' | 'Change'), properties (map);
//          series first, then records, then audit entries, each by id, so an import can follow the order.
CALL {
  MATCH (s:RecordSeries)
  RETURN 0 AS rank, 'RecordSeries' AS label, s.id AS id, properties(s) AS properties
  UNION ALL
  MATCH (r:Record)
  RETURN 1 AS rank, [l IN labels(r) WHERE l <> 'Record'][0] AS label, r.id AS id, properties(r) AS properties
  UNION ALL
  MATCH (c:Change)
  RETURN 2 AS rank, 'Change' AS label, c.id AS id, properties(c) AS properties
}
RETURN label, properties
ORDER BY rank, id
