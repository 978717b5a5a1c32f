// Purpose: the user's canonical question as one pattern: measures whose policy item contributes to an SDG
// and for which a department is responsible (deleted measures excluded).
// Params: $sdg (int), $department (department id).
// Columns: code (string), name (string), in code order.
MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(:Department {id: $department})
WHERE m.status <> 'DELETED'
RETURN m.code AS code, m.name AS name
ORDER BY m.sortKey
