// Context: each indicator's policy item, expanded from the candidate.
// Binds: n (Indicator) in, i (PolicyItem) out. Params: none.
CALL (n) {
  MATCH (i:PolicyItem)-[:MEASURED_BY]->(n)
  RETURN i
}
