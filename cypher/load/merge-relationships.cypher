// Purpose: create or update one batch of relationships of one type.
// Params: $type (string from src/graph/graph-model.ts),
//         $rows: [{from, to, properties}] (ids of existing nodes; properties replace the old ones).
// Columns: written (int). A row whose end is missing writes nothing (the validator rules that out first).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$($type)]->(b)
SET r = row.properties
RETURN count(r) AS written
