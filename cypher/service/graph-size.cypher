// Purpose: size of the whole graph, for Query.serviceInfo.
// Params: none.
// Columns: nodes (int), relationships (int).
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
