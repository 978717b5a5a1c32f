import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Initiative, LinkagePlan } from './linkage-plan.type';
import { loadNode } from '../read/prefetch/load-node';
import { listByLabel } from '../read/prefetch/list-by-label';
import { related, relatedOne } from '../read/relationships';
import { nestedConnectionResolver } from '../read/nested-connection';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';

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
    return (await related(ctx.loaders, 'LinkagePlan', 'initiatives', plan.id)).map(Initiative.from);
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items any initiative of the plan targets.' })
  async policyItems(@Root() plan: LinkagePlan, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await related(ctx.loaders, 'LinkagePlan', 'policyItems', plan.id)).map(PolicyItem.from);
  }
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @FieldResolver(() => LinkagePlan, { description: 'The plan the initiative belongs to.' })
  async plan(@Root() initiative: Initiative, @Ctx() ctx: RequestContext): Promise<LinkagePlan> {
    return LinkagePlan.from(await relatedOne(ctx.loaders, 'Initiative', 'plan', initiative.id));
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items the initiative names.' })
  async policyItems(@Root() initiative: Initiative, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await related(ctx.loaders, 'Initiative', 'policyItems', initiative.id)).map(PolicyItem.from);
  }
}

/** `LinkagePlan.policyItemsConnection`. */
export const LinkagePlanPolicyItemsConnection = nestedConnectionResolver(POLICY_ITEM_LIST, {
  parent: () => LinkagePlan,
  field: 'policyItemsConnection',
  scope: 'fragments/policy-item/scope-linkage-plan',
  lists: 'Policy items any initiative of the plan targets',
});
