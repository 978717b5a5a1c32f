// Purpose: restore records of one kind from an import, each new (the import checked that no record has its
// id; the unique constraint stands behind that), linked to its series. A result's value is stored as a float,
// as recording does. Links to subjects are restored afterwards by load/relink-records.
// Params: $label ('IndicatorResult' | 'SheetEvaluation'), $rows ([{series, properties}]: the series id and
//         the record's properties).
// Columns: written (int).
UNWIND $rows AS row
MATCH (s:RecordSeries {id: row.series})
CREATE (r:Record)
SET r = row.properties, r.value = toFloat(row.properties.value)
SET r:$($label)
CREATE (r)-[:IN_SERIES]->(s)
RETURN count(r) AS written
