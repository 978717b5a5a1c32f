// Purpose: the shortest paths between two nodes, ignoring relationship direction, shortest first.
// SHORTEST k and the hop bound must be literals in Cypher, so the file asks for the 10 shortest walks of
// at most 8 hops (the API's caps) and the caller's smaller limits are applied by WHERE and LIMIT. Which 10
// walks SHORTEST 10 picks among more than 10 of one length is Neo4j's choice and changed from run to run, so
// every walk of the shortest length is taken too (ALL SHORTEST), and the answer is their first ones in a
// fixed order: by the nodes' sort keys, then their ids (an indicator and a measure of one code share a key).
// Params: $from, $to (node ids), $maxHops (int ≤ 8), $first (int ≤ 10).
// Columns: nodes ([map] node properties along the path), steps ([{type, from, to, sourceDocument,
//          sourcePage, sourceLine}] per relationship, from/to as stored i.e. the relationship's own direction).
CALL () {
  MATCH p = ALL SHORTEST (a:Entity {id: $from})-[]-{1,8}(b:Entity {id: $to})
  RETURN p
  UNION
  MATCH p = SHORTEST 10 (a:Entity {id: $from})-[]-{1,8}(b:Entity {id: $to})
  RETURN p
}
WITH p WHERE length(p) <= $maxHops
ORDER BY length(p), [n IN nodes(p) | n.sortKey], [n IN nodes(p) | n.id]
LIMIT $first
RETURN [n IN nodes(p) | properties(n)] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id,
                                 sourceDocument: r.sourceDocument, sourcePage: r.sourcePage, sourceLine: r.sourceLine}] AS steps
