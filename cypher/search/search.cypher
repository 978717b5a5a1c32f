// Purpose: nodes whose texts match a search, best first. Two ways of matching, merged per node:
//   the full-text index entity_text (cjk analyzer: character bigrams, width-folded, lower-cased) scores
//   what it finds; a plain substring test on the folded searchText catches what bigrams cannot (single
//   characters, spaced letters such as `I C T`), with score 0 so it ranks after scored hits.
//   A template: src/model/search/search-statement.ts writes in `$($kinds)`, the labels searched (`Measure|PolicyItem`,
//   or Entity for every kind), and `$($scanned)`, where the substring test starts: Entity, answered by the
//   text index entity_search_text, or the kinds' own labels when the text is too short for the index's
//   trigrams to narrow (it would read every entry). Label names from src/graph/graph-model.ts, never user text.
//   `$($properties)` becomes the properties the operation reads of the hits (`.id, .name, …`: names of
//   src/graph/node-properties.ts, never user text), ordered and limited before they are read.
// Params: $lucene (string: Lucene query, already escaped), $folded (string: the query folded like
//   searchText), $first (int).
// Columns: node (map: the properties asked for), score (float).
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $lucene) YIELD node, score
  MATCH (node:$($kinds))
  RETURN node, score
  UNION ALL
  MATCH (node:$($scanned))
  WHERE node.searchText CONTAINS $folded
  MATCH (node:$($kinds))
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
ORDER BY score DESC, node.sortKey
LIMIT $first
RETURN node {$($properties)} AS node, score
