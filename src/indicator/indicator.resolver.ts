import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionShape } from '../common/connection';
import { IndicatorConnection } from '../common/connection-types';
import { fetchPage } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { IndicatorFilter } from './indicator.filter';
import { Indicator } from './indicator.type';
import type { GraphQLResolveInfo } from 'graphql';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, { description: 'Outcome indicators matching a filter, in code order, paginated.' })
  async indicators(
    @Arg('filter', () => IndicatorFilter, { nullable: true, description: 'Conditions to match (AND); none lists all.' })
    filter: IndicatorFilter | null,
    @Args() { first, after }: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Indicator>> {
    const f = filter ?? new IndicatorFilter();
    const params = {
      policyItem: f.policyItem?.trim() ?? null,
      field: f.field ?? null,
      sdg: f.sdg ?? null,
      direction: f.direction ?? null,
    };
    return fetchPage(ctx.gateway, 'indicator/page', params, first, after, Indicator.from, {
      info,
      loaders: ctx.loaders,
    });
  }

  @FieldResolver(() => PolicyItem, { description: 'The policy item the indicator measures.' })
  async policyItem(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<PolicyItem> {
    return PolicyItem.from(await ctx.loaders.parent('MEASURED_BY', indicator.id));
  }
}
