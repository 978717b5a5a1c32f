// Purpose: (benchmark, raw floor) Q3: one department (by Japanese name) with the non-deleted measures it
// answers for and the reform sheets it executes.
// Params: $department (string: Japanese name).
// Columns: department (map: name, measures [map], executes [map]).
MATCH (d:Department {name: $department})
RETURN d {
  .name,
  measures: COLLECT { MATCH (d)-[:RESPONSIBLE_FOR]->(m:Measure) WHERE m.status <> 'DELETED' RETURN m { .code, .name } },
  executes: COLLECT { MATCH (d)-[:EXECUTES]->(s:ReformSheet) RETURN s { .code, .name } }
} AS department
