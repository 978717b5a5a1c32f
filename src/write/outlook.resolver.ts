import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { Indicator } from '../model/indicator/indicator.type';
import { IndicatorOutlook } from './indicator-outlook.type';
import { outlookOf } from './outlook-of';
import { outlookReference, outlookYearsOf } from './outlook-reference';
import { currentResultOf } from './subject-years';

@Resolver(() => Indicator)
export class OutlookResolver {
  @FieldResolver(() => IndicatorOutlook, {
    description:
      'Will the target be met by the target year at the pace observed since the baseline? Status, the ratio of observed to needed pace, and the projected value (method in docs/analysts.md "Outlook: will the target be met?").',
  })
  async outlook(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorOutlook> {
    // The latest year's current revision, read through the request's loader like `progress` and `results`, so
    // a list of indicators costs one statement.
    const latest = await currentResultOf(ctx, indicator.id, null);
    const reference = outlookReference();
    const outlook = outlookOf(indicator, latest, outlookYearsOf(indicator.id, reference), reference.thresholds);
    return Object.assign(new IndicatorOutlook(), outlook);
  }
}
