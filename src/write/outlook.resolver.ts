import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { Indicator } from '../model/indicator/indicator.type';
import { currentOutlookOf } from './current-outlook';
import { IndicatorOutlook } from './indicator-outlook.type';

@Resolver(() => Indicator)
export class OutlookResolver {
  @FieldResolver(() => IndicatorOutlook, {
    description:
      'Will the target be met by the target year at the pace observed since the baseline? Status, the ratio of observed to needed pace, and the projected value (method in docs/analysts.md "Outlook: will the target be met?").',
  })
  outlook(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorOutlook> {
    return currentOutlookOf(ctx, indicator);
  }
}
