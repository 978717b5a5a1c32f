// Purpose: restore records of one kind from an export, linked to their series; merging on id makes a second
// import change nothing. Links to subjects are restored afterwards by load/relink-records.
// Params: $label ('IndicatorResult' | 'SheetEvaluation'), $rows ([{series, properties}]: the series id and
//         the record's properties).
// Columns: written (int).
UNWIND $rows AS row
MATCH (s:RecordSeries {id: row.series})
MERGE (r:Record {id: row.properties.id})
SET r = row.properties
SET r:$($label)
MERGE (r)-[:IN_SERIES]->(s)
RETURN count(r) AS written
