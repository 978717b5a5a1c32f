import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Initiative, LinkagePlan } from './linkage-plan.type';
import { loadNode } from '../../read/prefetch/load-node';
import { listByLabel } from '../../read/prefetch/list-by-label';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { connection, many, one, relationshipResolvers } from '../../read/relationship-fields';

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
}

export const LinkagePlanRelationships = relationshipResolvers(() => LinkagePlan, 'LinkagePlan', {
  initiatives: many(() => Initiative, 'Initiatives (推進のための取組) of the plan, in order.'),
  policyItems: many(() => PolicyItem, 'Policy items any initiative of the plan targets.'),
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    'fragments/policy-item/scope-linkage-plan',
    'Policy items any initiative of the plan targets',
  ),
});

export const InitiativeRelationships = relationshipResolvers(() => Initiative, 'Initiative', {
  plan: one(() => LinkagePlan, 'The plan the initiative belongs to.'),
  policyItems: many(() => PolicyItem, 'Policy items the initiative names.', POLICY_ITEM_LIST),
});
