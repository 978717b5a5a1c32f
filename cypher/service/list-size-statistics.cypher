// Purpose: the largest size each unbounded list of the API can have in the loaded graph, for the query cost
// limit: nodes per label, and per relationship type the most relationships one node has outgoing and
// incoming (its largest fan-out in each direction). Run at start-up after seeding.
// Params: none.
// Columns: kind ('label' | 'out' | 'in'), name (label or relationship type), size (int), one row each.
CALL {
  MATCH (n:Entity)
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN 'label' AS kind, label AS name, count(*) AS size
  UNION ALL
  MATCH (a:Entity)-[r]->(:Entity)
  WITH type(r) AS type, a, count(*) AS fanOut
  RETURN 'out' AS kind, type AS name, max(fanOut) AS size
  UNION ALL
  MATCH (:Entity)-[r]->(b:Entity)
  WITH type(r) AS type, b, count(*) AS fanIn
  RETURN 'in' AS kind, type AS name, max(fanIn) AS size
}
RETURN kind, name, size
ORDER BY kind, name
