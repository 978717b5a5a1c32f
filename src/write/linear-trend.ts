/** A point of a series: a fiscal year and the value of that year. */
export interface YearValue {
  readonly fiscalYear: number;
  readonly value: number;
}

/**
 * The value at `fiscalYear` of the least-squares straight line through `points`, as a spreadsheet's TREND
 * (Excel, LibreOffice) draws it: with two points it is the line through both, with more the best fit. Null
 * without two distinct years (no line to draw).
 */
export function linearTrendAt(points: readonly YearValue[], fiscalYear: number): number | null {
  const n = points.length;
  if (n < 2) return null;
  const meanYear = points.reduce((sum, p) => sum + p.fiscalYear, 0) / n;
  const meanValue = points.reduce((sum, p) => sum + p.value, 0) / n;
  let spread = 0;
  let covariance = 0;
  for (const p of points) {
    spread += (p.fiscalYear - meanYear) ** 2;
    covariance += (p.fiscalYear - meanYear) * (p.value - meanValue);
  }
  if (spread === 0) return null;
  return meanValue + (covariance / spread) * (fiscalYear - meanYear);
}
