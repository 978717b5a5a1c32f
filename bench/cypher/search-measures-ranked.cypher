// Purpose: (benchmark, raw floor) measures matching a search, best first, as the service ranks them: scored
//   by the full-text index entity_text, plus (score 0) those whose folded search text contains the text.
// Params: $lucene (string: the Lucene query, a quoted phrase), $text (string, already folded), $first (a whole number; JSON
//   sends it as a float, hence toInteger).
// Columns: id (string), score (float).
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $lucene) YIELD node, score
  MATCH (node:Measure)
  RETURN node, score
  UNION ALL
  MATCH (node:Measure)
  WHERE node.searchText CONTAINS $text
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
ORDER BY score DESC, node.sortKey
LIMIT toInteger($first)
RETURN node.id AS id, score
