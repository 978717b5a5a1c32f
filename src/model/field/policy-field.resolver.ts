import { Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { PolicyField } from './policy-field.type';
import type { GraphQLResolveInfo } from 'graphql';
import { listByLabel } from '../../read/prefetch/list-by-label';
import { many, relationshipResolvers } from '../../read/relationship-fields';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';

@Resolver(() => PolicyField)
export class PolicyFieldResolver {
  @Query(() => [PolicyField], { description: 'The six fields (分野) of the comprehensive plan, in number order.' })
  async fields(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<PolicyField[]> {
    return (await listByLabel(ctx, info, 'Field')).map(PolicyField.from);
  }
}

export const PolicyFieldRelationships = relationshipResolvers(() => PolicyField, 'PolicyField', {
  policyItems: many(() => PolicyItem, 'Policy items of this field, in code order.', POLICY_ITEM_LIST),
});
