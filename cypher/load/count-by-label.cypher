// Purpose: nodes per label and relationships per type, for the loader's summary table.
// Params: none.
// Columns: kind ('node' | 'relationship'), name (label or type), count (int).
CALL {
  MATCH (n:Entity)
  RETURN 'node' AS kind, [l IN labels(n) WHERE l <> 'Entity'][0] AS name, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity)
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, name
