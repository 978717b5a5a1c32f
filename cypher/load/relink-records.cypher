// Purpose: reattach recorded results and evaluations to their indicator or sheet after a load. Deleting a
// stale document node drops its RECORDED_FOR links but never the records (they carry no Entity label);
// when the subject is back in the documents, the link is restored from the record's subjectId.
// Params: none.
// Columns: relinked (int).
MATCH (r:Record)
WHERE NOT EXISTS { (r)-[:RECORDED_FOR]->() }
MATCH (subject:Entity {id: r.subjectId})
MERGE (r)-[:RECORDED_FOR]->(subject)
RETURN count(r) AS relinked
