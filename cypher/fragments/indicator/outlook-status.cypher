// Part: the indicator's outlook status (an IndicatorOutlookStatus name), included by fragments/indicator/
//   outlooks and facet-outlooks (never used alone), by the rules of
//   src/write/outlook-of.ts (ESCAP's method): a bound (以内/以下, 以上) kept is TARGET_ACHIEVED, not kept
//   DETERIORATION; a target reached on its side TARGET_ACHIEVED; else the ratio of the observed annual growth
//   since the baseline to the needed one (compound when baseline, value and target are all above 0 and the
//   value and target within compoundGrowthMaxFactor of the baseline, yearly steps otherwise), rounded half up to three decimals, against the thresholds; NOT_ASSESSED without a target, a
//   baseline, a distance, a result, or a year after the baseline. The latest result is the latest fiscal
//   year's latest revision that is not retracted. tests/integration/model/outlook-filter.int.test.ts compares it
//   with that function for every indicator.
// Binds: n (Indicator). Params: $value (map: the reference of seed/reference/outlook.yaml as
//   src/graph/outlook-reference.ts `outlookParameter` gives it: baselineFiscalYear, targetFiscalYear,
//   overrides {indicator id: {baselineFiscalYear?, targetFiscalYear?}}, onTrack, needsAcceleration,
//   limitedProgress, compoundGrowthMaxFactor).
[l IN [COLLECT {
  MATCH (r:Record:IndicatorResult {subjectId: n.id})
  WHERE coalesce(r.retracted, false) = false
  RETURN {value: r.value, year: r.fiscalYear} ORDER BY r.fiscalYear DESC, r.revision DESC LIMIT 1
}[0]] |
  [t0 IN [coalesce($value.overrides[n.id].baselineFiscalYear, $value.baselineFiscalYear)] |
    [tT IN [coalesce($value.overrides[n.id].targetFiscalYear, $value.targetFiscalYear)] |
      CASE
        WHEN n.target IS NULL THEN 'NOT_ASSESSED'
        WHEN n.targetBound IN ['以内', '以下'] AND l IS NOT NULL THEN
          CASE WHEN l.value <= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
        WHEN n.targetBound = '以上' AND l IS NOT NULL THEN
          CASE WHEN l.value >= n.target THEN 'TARGET_ACHIEVED' ELSE 'DETERIORATION' END
        WHEN n.targetBound IN ['以内', '以下', '以上'] OR n.current IS NULL OR n.current = n.target OR l IS NULL
          THEN 'NOT_ASSESSED'
        WHEN (n.target > n.current AND l.value >= n.target) OR (n.target < n.current AND l.value <= n.target)
          THEN 'TARGET_ACHIEVED'
        WHEN l.year <= t0 THEN 'NOT_ASSESSED'
        ELSE
          [ratio IN [floor(1000 * (
            CASE WHEN n.current > 0 AND l.value > 0 AND n.target > 0
                AND l.value <= n.current * $value.compoundGrowthMaxFactor
                AND l.value * $value.compoundGrowthMaxFactor >= n.current
                AND n.target <= n.current * $value.compoundGrowthMaxFactor
                AND n.target * $value.compoundGrowthMaxFactor >= n.current
              THEN ((toFloat(l.value) / n.current) ^ (1.0 / (l.year - t0)) - 1)
                / ((toFloat(n.target) / n.current) ^ (1.0 / (tT - t0)) - 1)
              ELSE ((l.value - n.current) / toFloat(l.year - t0)) / ((n.target - n.current) / toFloat(tT - t0))
            END) + 0.5) / 1000] |
            CASE
              WHEN ratio >= $value.onTrack THEN 'ON_TRACK'
              WHEN ratio >= $value.needsAcceleration THEN 'NEEDS_ACCELERATION'
              WHEN ratio >= $value.limitedProgress THEN 'LIMITED_PROGRESS'
              ELSE 'DETERIORATION'
            END][0]
      END][0]][0]][0]
