import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PolicyItemConnection } from '../common/connection-types';
import type { Page } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../context';
import { nestedPolicyItems } from '../policy-item/nested-policy-items';
import { PolicyItemFilter } from '../policy-item/policy-item.filter';
import { PolicyItemOrder } from '../policy-item/policy-item.order';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Initiative, LinkagePlan } from './linkage-plan.type';
import { loadNode } from '../engine/load-node';
import { listByLabel } from '../engine/list-by-label';
import { FilterArg, OrderByArg } from '../common/list-args';

@Resolver(() => LinkagePlan)
export class LinkagePlanResolver {
  @Query(() => LinkagePlan, {
    nullable: true,
    description: 'A linkage plan by number 1–5 (①–⑤); null for other numbers.',
  })
  async linkagePlan(
    @Arg('number', () => Int, { description: 'Plan number.' }) number: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LinkagePlan | null> {
    const node = await loadNode(ctx, info, `linkage-plan:${number}`);
    return node ? LinkagePlan.from(node) : null;
  }

  @Query(() => [LinkagePlan], { description: 'The five cross-field linkage plans (政策連携プラン).' })
  async linkagePlans(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<LinkagePlan[]> {
    return (await listByLabel(ctx, info, 'LinkagePlan')).map(LinkagePlan.from);
  }

  @FieldResolver(() => [Initiative], { description: 'Initiatives (推進のための取組) of the plan, in order.' })
  async initiatives(@Root() plan: LinkagePlan, @Ctx() ctx: RequestContext): Promise<Initiative[]> {
    return (await ctx.loaders.outgoing('HAS_INITIATIVE').load(plan.id)).map(Initiative.from);
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items any initiative of the plan targets.' })
  async policyItems(@Root() plan: LinkagePlan, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await ctx.loaders.path('linkage-plan/policy-items-by-ids').load(plan.id)).map(PolicyItem.from);
  }

  @FieldResolver(() => PolicyItemConnection, {
    description:
      'Policy items any initiative of the plan targets as a connection: paged (`first`/`after`), filtered and sorted like the root `policyItems`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async policyItemsConnection(
    @Root() parent: LinkagePlan,
    @FilterArg(() => PolicyItemFilter)
    filter: PolicyItemFilter | null,
    @OrderByArg(() => PolicyItemOrder)
    orderBy: InstanceType<typeof PolicyItemOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<PolicyItem>> {
    return nestedPolicyItems(ctx, 'linkagePlan', parent.id, filter, orderBy, slice, info);
  }
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @FieldResolver(() => LinkagePlan, { description: 'The plan the initiative belongs to.' })
  async plan(@Root() initiative: Initiative, @Ctx() ctx: RequestContext): Promise<LinkagePlan> {
    return LinkagePlan.from(await ctx.loaders.parent('HAS_INITIATIVE', initiative.id));
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items the initiative names.' })
  async policyItems(@Root() initiative: Initiative, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await ctx.loaders.outgoing('TARGETS').load(initiative.id)).map(PolicyItem.from);
  }
}
