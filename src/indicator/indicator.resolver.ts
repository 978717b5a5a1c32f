import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { IndicatorConnection } from './indicator.connection';
import type { Page } from '../read/page/fetch-page';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { fetchFilteredPage } from '../read/page/fetch-filtered-page';
import { indicatorCondition } from './indicator.conditions';
import { IndicatorFilter } from './indicator.filter';
import { IndicatorOrder } from './indicator.order';
import { INDICATOR_PAGE } from './indicator.page-spec';
import { Indicator } from './indicator.type';
import { FilterArg } from '../common/list-args';
import { relatedOne } from '../read/relationships';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, {
    description: 'Outcome indicators matching a filter, in code order, paginated.',
  })
  async indicators(
    @FilterArg(() => IndicatorFilter)
    filter: IndicatorFilter | null,
    @Arg('orderBy', () => [IndicatorOrder], {
      nullable: true,
      description:
        'Sort keys, first key first (at most 4); code is the final tiebreak. Default (and with none): code order.',
    })
    orderBy: InstanceType<typeof IndicatorOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Indicator>> {
    const condition = await indicatorCondition(filter);
    return fetchFilteredPage({ ctx, spec: INDICATOR_PAGE, condition, orderBy, slice, info, map: Indicator.from });
  }

  @FieldResolver(() => PolicyItem, { description: 'The policy item the indicator measures.' })
  async policyItem(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<PolicyItem> {
    return PolicyItem.from(await relatedOne(ctx.loaders, 'Indicator', 'policyItem', indicator.id));
  }
}
