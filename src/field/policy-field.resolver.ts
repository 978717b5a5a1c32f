import { Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { PolicyItem } from '../policy-item/policy-item.type';
import { PolicyField } from './policy-field.type';
import type { GraphQLResolveInfo } from 'graphql';
import { listByLabel } from '../read/prefetch/list-by-label';
import { related } from '../read/relationships';

@Resolver(() => PolicyField)
export class PolicyFieldResolver {
  @Query(() => [PolicyField], { description: 'The six fields (分野) of the comprehensive plan, in number order.' })
  async fields(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<PolicyField[]> {
    return (await listByLabel(ctx, info, 'Field')).map(PolicyField.from);
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items of this field, in code order.' })
  async policyItems(@Root() field: PolicyField, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await related(ctx.loaders, 'PolicyField', 'policyItems', field.id)).map(PolicyItem.from);
  }
}
