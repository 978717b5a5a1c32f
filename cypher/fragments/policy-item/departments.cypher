// Condition: one of the departments is responsible for one of the item's non-deleted measures.
// Binds: n (PolicyItem). Params: $value ([string] department ids).
EXISTS {
  (n)-[:HAS_MEASURE]->(m:Measure)<-[:RESPONSIBLE_FOR]-(d:Department)
  WHERE m.status <> 'DELETED' AND d.id IN $value
}
