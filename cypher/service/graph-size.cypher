// Purpose: size of the policy graph (nodes labelled Entity and the relationships between them) and the seed
// it was loaded from, for Query.serviceInfo. Bookkeeping nodes such as SeedInfo are not counted.
// Params: none.
// Columns: nodes (int), relationships (int), seed (string or null: sha-256 of the seed file loaded).
CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
// Relationships counted by their start alone, which the count store answers without reading any: every
// relationship leaving an Entity ends at one (records point at entities, never the other way).
CALL { MATCH (:Entity)-[r]->() RETURN count(r) AS relationships }
OPTIONAL MATCH (s:SeedInfo {id: 'seed'})
RETURN nodes, relationships, CASE WHEN nodes > 0 THEN s.hash END AS seed
