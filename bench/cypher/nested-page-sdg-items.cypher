// Purpose: (benchmark, raw floor) a nested page: every SDG in number order with the first $first policy
// items contributing to it (code order) and how many contribute in all.
// Params: $first (int).
// Columns: sdg (map: number, totalCount, items [map: code, name]).
MATCH (s:Sdg)
WITH s ORDER BY s.number
CALL (s) {
  MATCH (s)<-[:CONTRIBUTES_TO]-(i:PolicyItem)
  WITH i ORDER BY i.sortKey
  RETURN count(i) AS totalCount, collect(i { .code, .name })[0..toInteger($first)] AS items
}
RETURN s { .number, totalCount: totalCount, items: items } AS sdg
