/**
 * What one call of an expensive field costs beyond the values it returns, in the cost limit's unit (one
 * resolved value). Every other field weighs 1.
 *
 * Derivation: the median time of one call (its own statements, with the smallest selection) divided by the
 * median time per resolved value of the widest plain read (example 05, fields → items → measures →
 * departments → reform sheets), both measured on the seeded graph with the test server
 * (30 runs after 3 warm-up). A weight of 400 therefore means "one call keeps the database as busy as
 * resolving 400 ordinary values".
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // The department × SDG matrix: two statements, one walking every responsibility and reform-sheet path.
  'Query.sdgCoverage': 500,
  // Shortest paths up to 8 hops (its own 5 s time budget).
  'Query.paths': 400,
  // Full-text plus substring search over every node.
  'Query.search': 300,
  // Per department, every other department reached through measures and reform sheets.
  'Department.collaborators': 100,
  // Every relationship of one node.
  'Query.neighbours': 50,
};

export function fieldWeight(parentType: string, field: string): number {
  return FIELD_WEIGHTS[`${parentType}.${field}`] ?? 1;
}
