// Purpose: nodes whose texts match a search, best first. Two ways of matching, merged per node:
//   the full-text index entity_text (cjk analyzer: character bigrams, width-folded, lower-cased) scores
//   what it finds; a plain substring test on the folded searchText catches what bigrams cannot (single
//   characters, spaced letters such as `I C T`), with score 0 so it ranks after scored hits.
// Params: $lucene (string: Lucene query, already escaped), $folded (string: the query folded like
//   searchText), $labels ([string] or null: kinds to keep), $first (int).
// Columns: node (map: properties but searchText, the folded copy of all texts, often the largest), score (float).
CALL {
  CALL db.index.fulltext.queryNodes('entity_text', $lucene) YIELD node, score
  RETURN node, score
  UNION ALL
  MATCH (node:Entity)
  WHERE node.searchText CONTAINS $folded
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
RETURN node {.*, searchText: null} AS node, score
ORDER BY score DESC, node.sortKey
LIMIT $first
