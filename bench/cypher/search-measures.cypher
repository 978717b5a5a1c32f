// Purpose: (benchmark, raw floor) the measures, other than those the next plan deletes, whose folded search
//   text contains a (folded) word.
// Params: $text (string, already folded: lower case, half width, no spaces).
// Columns: id (string).
MATCH (m:Measure)
WHERE m.searchText CONTAINS $text AND m.status <> 'DELETED'
RETURN m.id AS id
