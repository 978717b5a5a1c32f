// Purpose: nodes per label and relationships per type, for the loader's summary table.
// Params: none.
// Columns: kind ('node' | 'relationship'), name (label or type), count (int).
CALL {
  MATCH (n) WHERE NOT n:SeedInfo
  RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
