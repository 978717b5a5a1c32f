// Purpose: (benchmark, raw floor) a nested aggregate: the first $first detailed policy items in code order,
// each with its indicators counted and their lowest, highest and average current value and target.
// Params: $first (int).
// Columns: item (map: code, count, current (map: min, max, average), target (map: min, max, average)).
MATCH (i:PolicyItem {detailed: true})
WITH i ORDER BY i.sortKey LIMIT toInteger($first)
CALL (i) {
  OPTIONAL MATCH (i)-[:MEASURED_BY]->(x:Indicator)
  RETURN count(x) AS count,
    {min: min(x.current), max: max(x.current), average: avg(x.current)} AS current,
    {min: min(x.target), max: max(x.target), average: avg(x.target)} AS target
}
RETURN i { .code, count: count, current: current, target: target } AS item
