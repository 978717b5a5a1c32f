// Purpose: (benchmark, raw floor) a 3-level page: the first $first detailed policy items in code order →
// their non-deleted measures → the departments responsible, with the total number of detailed items.
// Params: $first (int).
// Columns: totalCount (int, on every row), item (map: code, name, measures [map]).
MATCH (counted:PolicyItem {detailed: true})
WITH count(counted) AS totalCount
MATCH (i:PolicyItem {detailed: true})
WITH totalCount, i ORDER BY i.sortKey LIMIT toInteger($first)
RETURN totalCount, i {
  .code, .name,
  measures: COLLECT {
    MATCH (i)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED'
    RETURN m { .code, .name, departments: COLLECT { MATCH (m)<-[:RESPONSIBLE_FOR]-(d:Department) RETURN d { .name } } }
  }
} AS item
