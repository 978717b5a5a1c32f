import type { RequestContext } from '../read/request-context';
import { groupByYear } from './record-year.type';
import type { IndicatorResult, YearRecord } from './record.types';

/** One subject's records per year, oldest year first (batched across the request by the DataLoader). */
export async function yearsOf<T extends YearRecord>(ctx: RequestContext, id: string, fiscalYear: number | null) {
  const rows = await ctx.loaders.rows('records/by-subjects').load(id);
  const years = groupByYear<T>(rows);
  return fiscalYear == null ? years : years.filter((y) => y.fiscalYear === fiscalYear);
}

/**
 * The result an indicator's progress is read from: the latest revision that is not retracted of the given
 * fiscal year, or, without one, of the latest year that has such a revision (a year whose every revision
 * was retracted counts as not recorded). Null when there is none.
 */
export async function currentResultOf(
  ctx: RequestContext,
  indicatorId: string,
  fiscalYear: number | null,
): Promise<IndicatorResult | null> {
  const years = await yearsOf<IndicatorResult>(ctx, indicatorId, fiscalYear);
  const recorded = years.filter((y) => y.current !== null);
  return recorded[recorded.length - 1]?.current ?? null;
}
