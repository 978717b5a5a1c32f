// Purpose: create or update one batch of nodes of one label, matched on their readable id.
// Params: $label (string, a label of src/graph/graph-model.ts), $rows: [{id, properties}] where
//         properties holds every property including id (SET = replaces, so removed properties vanish).
// Columns: written (int).
UNWIND $rows AS row
MERGE (n:$($label) {id: row.id})
SET n = row.properties
RETURN count(n) AS written
