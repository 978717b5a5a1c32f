// Purpose: restore audit entries from an export; merging on id makes a second import change nothing.
// Params: $rows ([map]: each entry's properties, including id).
// Columns: written (int).
UNWIND $rows AS row
MERGE (c:Change {id: row.id})
SET c = row
RETURN count(c) AS written
