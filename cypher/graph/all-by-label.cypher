// Purpose: every node of one kind, in display order (for short, unpaginated lists: fields, SDGs, departments…).
// Params: $label (a label of src/graph/graph-model.ts).
// Columns: node (map: properties), ordered by sortKey.
// A label given as a parameter cannot name a label scan, and testing `$label IN labels(n)` reads every
// node of the graph; so each kind listed whole has its own branch, a scan of that label alone, and the
// guards (a row source first, as in the page statements) keep every other branch from reading anything.
CALL () {
  UNWIND CASE WHEN $label = 'Sdg' THEN [true] ELSE [] END AS wanted
  MATCH (n:Sdg)
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Field' THEN [true] ELSE [] END AS wanted
  MATCH (n:Field)
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'Department' THEN [true] ELSE [] END AS wanted
  MATCH (n:Department)
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'ReformArea' THEN [true] ELSE [] END AS wanted
  MATCH (n:ReformArea)
  RETURN n
  UNION ALL
  UNWIND CASE WHEN $label = 'LinkagePlan' THEN [true] ELSE [] END AS wanted
  MATCH (n:LinkagePlan)
  RETURN n
  UNION ALL
  // Any other kind (no request lists one whole today) is still answered, by testing every node.
  UNWIND CASE WHEN NOT $label IN ['Sdg', 'Field', 'Department', 'ReformArea', 'LinkagePlan'] THEN [true] ELSE [] END
    AS wanted
  MATCH (n:Entity)
  WHERE $label IN labels(n)
  RETURN n
}
RETURN properties(n) AS node
ORDER BY n.sortKey
