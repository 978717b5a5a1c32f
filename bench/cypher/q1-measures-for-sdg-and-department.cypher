// Purpose: (benchmark, raw floor) Q1: the non-deleted measures whose policy item contributes to an SDG and
// for which a department (by Japanese name) answers, in code order.
// Params: $sdg (int), $department (string: Japanese name).
// Columns: code (string), name (string).
MATCH (:Sdg {number: $sdg})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(:Department {name: $department})
WHERE m.status <> 'DELETED'
RETURN DISTINCT m.code AS code, m.name AS name, m.sortKey AS sortKey
ORDER BY sortKey
