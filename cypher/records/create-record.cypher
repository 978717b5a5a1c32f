// Purpose: store a new revision of a series (an indicator result or a sheet evaluation), linked to the
// document node it is about, and advance the series. Record nodes carry no Entity label, so the seed
// loader's stale-node deletes never touch them. A result's value is stored as a float whatever the driver
// sent (whole numbers arrive as integers), so every value has one type; a sheet evaluation has none.
// Params: $seriesId (string), $subjectId (string), $label ('IndicatorResult' | 'SheetEvaluation'),
//         $properties (map: every property of the record, including id and revision).
// Columns: record (map: the stored properties).
MATCH (series:RecordSeries {id: $seriesId})
MATCH (subject:Entity {id: $subjectId})
CREATE (r:Record)
SET r = $properties, r.value = toFloat($properties.value)
SET r:$($label)
CREATE (r)-[:RECORDED_FOR]->(subject)
CREATE (r)-[:IN_SERIES]->(series)
SET series.revision = $properties.revision
RETURN properties(r) AS record
