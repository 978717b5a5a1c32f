// Start: items with a measure one of the departments is responsible for (unique id index).
// Binds: n (PolicyItem). Params: $value ([string] department ids).
MATCH (a:Department)-[:RESPONSIBLE_FOR]->(:Measure)<-[:HAS_MEASURE]-(n:PolicyItem)
WHERE a.id IN $value
