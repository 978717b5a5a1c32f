// Purpose: what the documents cover, for ServiceInfo.coverage: per policy field, how many policy items,
// measures, indicators and SDG links the documents give it, and the SDGs no policy item contributes to, so
// an analyst can tell "the documents have no data for SDG 13" from "nothing matched my filter".
// Params: none.
// Columns (one row): fields ([map] one per field by number: field (its stored properties but searchText),
//          policyItemCount, measureCount (measures the next plan keeps: deleted ones are history, and every
//          list leaves them out by default), indicatorCount (distinct, though the documents give each to one
//          policy item), sdgLinkCount (policy item → SDG links),
//          sdgs ([map] the SDGs those links reach, once each, by number)), uncoveredSdgs ([map] the SDGs with
//          no link from any policy item, by number).
CALL {
  MATCH (f:Field)
  WITH f ORDER BY f.number
  RETURN collect({
    field: f {.*, searchText: null},
    policyItemCount: COUNT { (f)-[:HAS_ITEM]->(:PolicyItem) },
    measureCount: COUNT { (f)-[:HAS_ITEM]->(:PolicyItem)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED' },
    indicatorCount: COUNT { MATCH (f)-[:HAS_ITEM]->(:PolicyItem)-[:MEASURED_BY]->(x:Indicator) RETURN DISTINCT x },
    sdgLinkCount: COUNT { (f)-[:HAS_ITEM]->(:PolicyItem)-[:CONTRIBUTES_TO]->(:Sdg) },
    sdgs: COLLECT {
      MATCH (f)-[:HAS_ITEM]->(:PolicyItem)-[:CONTRIBUTES_TO]->(g:Sdg)
      WITH DISTINCT g ORDER BY g.number
      RETURN g {.*, searchText: null}
    }
  }) AS fields
}
CALL {
  MATCH (g:Sdg) WHERE NOT EXISTS { (:PolicyItem)-[:CONTRIBUTES_TO]->(g) }
  WITH g ORDER BY g.number
  RETURN collect(g {.*, searchText: null}) AS uncoveredSdgs
}
RETURN fields, uncoveredSdgs
