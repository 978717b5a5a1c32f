// Purpose: which of some indicator and reform sheet ids are in the graph, for an import to check the
// subjects of its records.
// Params: $ids ([string]).
// Columns: id (string), one row per id found.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n:Indicator OR n:ReformSheet
RETURN n.id AS id
