import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { RelatedPlan } from './related-plan.type';
import { relatedOne } from '../read/relationships';

@Resolver(() => RelatedPlan)
export class RelatedPlanResolver {
  @FieldResolver(() => PolicyItem, { description: 'The policy item the plan is related to.' })
  async policyItem(@Root() plan: RelatedPlan, @Ctx() ctx: RequestContext): Promise<PolicyItem> {
    return PolicyItem.from(await relatedOne(ctx.loaders, 'RelatedPlan', 'policyItem', plan.id));
  }
}
