import type { RequestContext } from '../read/request-context';
import type { Indicator } from '../model/indicator/indicator.type';
import { IndicatorOutlook } from './indicator-outlook.type';
import { outlookOf, projectionDecimals } from './outlook-of';
import { outlookReference, outlookYearsOf } from '../graph/outlook-reference';
import { yearsOf } from './subject-years';
import type { IndicatorResult } from './record.types';
import { valueRangeOf } from './value-range';

/**
 * An indicator's outlook from its latest recorded result (status, ratio and projection, one model), as
 * `Indicator.outlook` and the progress summary's outlook counts give it. The result is read through the
 * request's loader like `progress` and `results`, so a list of indicators costs one statement.
 */
export async function currentOutlookOf(ctx: RequestContext, indicator: Indicator): Promise<IndicatorOutlook> {
  const series = (await yearsOf<IndicatorResult>(ctx, indicator.id, null)).flatMap((year) =>
    year.current === null ? [] : [{ fiscalYear: year.fiscalYear, value: year.current.value }],
  );
  const reference = outlookReference();
  const signed = reference.signed.some((entry) => entry.indicator === indicator.id);
  const outlook = outlookOf(
    indicator,
    series[series.length - 1] ?? null,
    outlookYearsOf(indicator.id, reference),
    reference.thresholds,
    { range: valueRangeOf(indicator.unit, signed), decimals: projectionDecimals(indicator.unit) },
  );
  return Object.assign(new IndicatorOutlook(), outlook);
}
