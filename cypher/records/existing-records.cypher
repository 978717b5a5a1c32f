// Purpose: every stored record of some series, for an import to compare with its file and to check that
// each series keeps every revision up to its counter.
// Params: $seriesIds ([string]).
// Columns: record (map: the stored properties), label ('IndicatorResult' | 'SheetEvaluation').
UNWIND $seriesIds AS id
MATCH (:RecordSeries {id: id})<-[:IN_SERIES]-(r:Record)
RETURN properties(r) AS record, [l IN labels(r) WHERE l <> 'Record'][0] AS label
