// Condition: the indicator's outlook is one of the statuses (computed as its `outlook` field computes it).
// Binds: n (Indicator). Params: $value (map: `statuses` [string] IndicatorOutlookStatus names, and the
//   reference figures fragments/indicator/outlook-status reads).
{{fragments/indicator/outlook-status}} IN $value.statuses
