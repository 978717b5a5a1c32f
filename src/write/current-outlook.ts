import type { RequestContext } from '../read/request-context';
import type { Indicator } from '../model/indicator/indicator.type';
import { IndicatorOutlook } from './indicator-outlook.type';
import { outlookOf } from './outlook-of';
import { outlookReference, outlookYearsOf } from '../graph/outlook-reference';
import { currentResultOf } from './subject-years';

/**
 * An indicator's outlook from its latest recorded result, as `Indicator.outlook` and the progress summary's
 * outlook counts give it. The result is read through the request's loader like `progress` and `results`, so
 * a list of indicators costs one statement.
 */
export async function currentOutlookOf(ctx: RequestContext, indicator: Indicator): Promise<IndicatorOutlook> {
  const latest = await currentResultOf(ctx, indicator.id, null);
  const reference = outlookReference();
  const outlook = outlookOf(indicator, latest, outlookYearsOf(indicator.id, reference), reference.thresholds);
  return Object.assign(new IndicatorOutlook(), outlook);
}
