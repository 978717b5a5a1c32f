// Sort value: how many measures (not deleted) the item has.
// Binds: n (PolicyItem). Params: none.
COUNT { (n)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED' }
