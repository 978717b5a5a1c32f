// Purpose: restore audit entries from an import, each new (the import checked that no entry has its id; the
// unique constraint stands behind that): audit entries are only ever added.
// Params: $rows ([map]: each entry's properties, including id).
// Columns: written (int).
UNWIND $rows AS row
CREATE (c:Change)
SET c = row
RETURN count(c) AS written
