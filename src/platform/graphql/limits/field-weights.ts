/**
 * What one call of an expensive field costs beyond the values it returns, in the cost limit's unit (one
 * resolved value). Every other field weighs 1.
 *
 * Derivation: the median time of one request calling the field once with the smallest selection, minus
 * the median of a trivial request (`{ serviceInfo { name } }`, 12.5 ms), divided by the time per resolved
 * value of the widest plain read (example 05: 71.3 ms for 1,227 values, so 0.048 ms per value), rounded.
 * Measured with the test server on the seeded graph, 6 rounds of 8 runs each, interleaved, on a loaded
 * 2-core machine, so the figures are rough (search varied from 7 to 74 ms); the ratios are what matter.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // The department × SDG matrix: two statements, one walking every responsibility and reform-sheet path
  // whatever the selection. 41.0 ms → (41.0 − 12.5) / 0.048 ≈ 590.
  'Query.sdgCoverage': 600,
  // Shortest paths (its own 5 s time budget): 27.1 ms at 6 hops ≈ 300, 30.8 ms at 8 hops ≈ 380.
  'Query.paths': 400,
  // Full-text plus substring search over every node: 56.7 ms ≈ 920.
  'Query.search': 900,
  // Per department, every department reached through shared measures and reform sheets: 17.9 ms ≈ 110.
  'Department.collaborators': 100,
  // Every indicator by grade per field and department: two statements (indicators with their groups, then
  // their records) whatever the selection. Measured later in one run, interleaved as above (trivial 21.1 ms,
  // example 05 163.0 ms, so 0.116 ms per value; summary 36.4 ms): (36.4 − 21.1) / 0.116 ≈ 130.
  'Query.progressSummary': 130,
  // Every relationship of one node: not measurably above the trivial request; a floor for its fan-out.
  'Query.neighbours': 50,
};

export function fieldWeight(parentType: string, field: string): number {
  return FIELD_WEIGHTS[`${parentType}.${field}`] ?? 1;
}
