// Purpose: size of the policy graph (nodes labelled Entity and the relationships between them), for
// Query.serviceInfo. Bookkeeping nodes such as SeedInfo are not counted.
// Params: none.
// Columns: nodes (int), relationships (int).
CALL { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
RETURN nodes, relationships
