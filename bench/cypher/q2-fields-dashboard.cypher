// Purpose: (benchmark, raw floor) Q2: every field → its policy items → { SDGs, indicators, non-deleted
// measures → { responsible departments, supporting reform sheets } }, nested in one statement.
// Params: none.
// Columns: field (map: number, name, policyItems [map]).
MATCH (f:Field)
RETURN f {
  .number, .name,
  policyItems: COLLECT {
    MATCH (f)-[:HAS_ITEM]->(i:PolicyItem)
    RETURN i {
      .code, .name,
      sdgs: COLLECT { MATCH (i)-[:CONTRIBUTES_TO]->(g:Sdg) RETURN g { .number } },
      indicators: COLLECT { MATCH (i)-[:MEASURED_BY]->(x:Indicator) RETURN x { .id, .name } },
      measures: COLLECT {
        MATCH (i)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED'
        RETURN m {
          .code, .name,
          departments: COLLECT { MATCH (m)<-[:RESPONSIBLE_FOR]-(d:Department) RETURN d { .name } },
          reformSheets: COLLECT { MATCH (m)<-[:SUPPORTS]-(s:ReformSheet) RETURN s { .code, .name } }
        }
      }
    }
  }
} AS field
ORDER BY f.sortKey
