// Purpose: restore record series from an export; merging on id makes a second import change nothing.
// Params: $rows ([map]: each series' properties, including id).
// Columns: written (int).
UNWIND $rows AS row
MERGE (s:RecordSeries {id: row.id})
SET s = row
RETURN count(s) AS written
