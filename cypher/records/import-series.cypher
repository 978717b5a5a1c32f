// Purpose: restore record series from an import: a new one with the file's properties, an existing one only
// moved forward (the import has chosen the revision; this never lowers it).
// Params: $rows ([map]: each series' properties, including id and the revision to reach).
// Columns: written (int).
UNWIND $rows AS row
MERGE (s:RecordSeries {id: row.id})
  ON CREATE SET s = row
  ON MATCH SET s.revision = CASE WHEN row.revision > s.revision THEN row.revision ELSE s.revision END
RETURN count(s) AS written
