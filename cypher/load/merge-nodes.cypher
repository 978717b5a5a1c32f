// Purpose: create or update one batch of nodes of one label, matched on their readable id.
// Every graph node also carries the label Entity, whose unique id index serves id lookups of any kind
// (a dynamic label in MATCH cannot use an index).
// Params: $label (string, a label of src/graph/graph-model.ts), $rows: [{id, properties}] where
//         properties holds every property including id (SET = replaces, so removed properties vanish).
// Columns: written (int).
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.properties
SET n:$($label)
RETURN count(n) AS written
