// Context: each measure's policy item, expanded from the candidate (a plain MATCH lets the planner scan
// every policy item and join instead).
// Binds: n (Measure) in, i (PolicyItem) out. Params: none.
CALL (n) {
  MATCH (i:PolicyItem)-[:HAS_MEASURE]->(n)
  RETURN i
}
