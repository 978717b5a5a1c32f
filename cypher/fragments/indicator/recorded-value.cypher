// Quantity: the indicator's recorded value of the fiscal year $value: its latest revision that is not
//   retracted (as Indicator.progress reads it); null when none is recorded.
// Binds: n (Indicator). Params: $value (int: the fiscal year).
COLLECT {
  MATCH (r:Record:IndicatorResult {subjectId: n.id})
  WHERE r.fiscalYear = $value AND coalesce(r.retracted, false) = false
  RETURN r.value ORDER BY r.revision DESC LIMIT 1
}[0]
