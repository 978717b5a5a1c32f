// Purpose: the stored audit entries an import must agree with: those with an id of the file, and those
// about the file's records (to find the entries that created and retracted them).
// Params: $ids ([string]: audit entry ids), $targets ([string]: record ids).
// Columns: change (map: the stored properties).
MATCH (c:Change)
WHERE c.id IN $ids OR c.targetId IN $targets
RETURN properties(c) AS change
