// Purpose: for each indicator, the departments that answer for it (ANSWERS_FOR, built from
// seed/reference/indicator-owners.yaml) with the basis of each, the measures through which it answers, the
// reason and the cited lines (reviewed entries only).
// Params: $ids ([string] indicator ids).
// Columns: id (string), department (map: department properties), basis ('MEASURE_ROW' | 'NAMED_BY_LINE' | 'BY_POLICY_ITEM'),
//          measures ([map] measure properties, by sortKey), reason (string), evidenceDocuments ([string]),
//          evidenceLines ([int]), evidenceTexts ([string]); per indicator by department sortKey.
UNWIND $ids AS id
MATCH (d:Department)-[a:ANSWERS_FOR]->(:Indicator {id: id})
RETURN id, properties(d) AS department, a.basis AS basis,
       COLLECT { MATCH (m:Measure) WHERE m.id IN a.measures RETURN properties(m) ORDER BY m.sortKey } AS measures,
       a.reason AS reason, coalesce(a.evidenceDocuments, []) AS evidenceDocuments,
       coalesce(a.evidenceLines, []) AS evidenceLines, coalesce(a.evidenceTexts, []) AS evidenceTexts
ORDER BY d.sortKey
