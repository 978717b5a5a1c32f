// Purpose: the stored series among some ids, for an import to compare with its file.
// Params: $ids ([string]: series ids).
// Columns: series (map: the stored properties).
UNWIND $ids AS id
MATCH (s:RecordSeries {id: id})
RETURN properties(s) AS series
