// Quantity: the achievement rate (percent, one decimal) of the indicator's recorded value of the fiscal
//   year $value, by the rules of src/write/achievement-rate.ts (BASELINE_TO_TARGET, CEILING for 以内/以下,
//   FLOOR for 以上; null without a value, a target, or a distance); rounded half up like Math.round.
//   tests/integration/model/aggregates.int.test.ts compares it with that function for every indicator.
// Binds: n (Indicator). Params: $value (int: the fiscal year).
[v IN [COLLECT {
  MATCH (r:Record:IndicatorResult {subjectId: n.id})
  WHERE r.fiscalYear = $value AND coalesce(r.retracted, false) = false
  RETURN r.value ORDER BY r.revision DESC LIMIT 1
}[0]] |
  CASE
    WHEN v IS NULL OR n.target IS NULL THEN null
    WHEN n.targetBound IN ['以内', '以下'] THEN
      CASE WHEN v <= n.target THEN 100.0 WHEN n.target = 0 THEN -100.0
        ELSE floor(-(v - n.target) / abs(toFloat(n.target)) * 1000 + 0.5) / 10 END
    WHEN n.targetBound = '以上' THEN
      CASE WHEN v >= n.target THEN 100.0 WHEN n.target = 0 THEN -100.0
        ELSE floor(-(n.target - v) / abs(toFloat(n.target)) * 1000 + 0.5) / 10 END
    WHEN n.current IS NULL OR n.current = n.target THEN null
    ELSE floor((v - n.current) / toFloat(n.target - n.current) * 1000 + 0.5) / 10
  END][0]
