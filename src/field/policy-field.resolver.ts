import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { PolicyItem } from '../policy-item/policy-item.type';
import { PolicyField } from './policy-field.type';

@Resolver(() => PolicyField)
export class PolicyFieldResolver {
  @Query(() => [PolicyField], { description: 'The six fields (分野) of the comprehensive plan, in number order.' })
  async fields(@Ctx() ctx: RequestContext): Promise<PolicyField[]> {
    const rows = await ctx.gateway.read('graph/all-by-label', { label: 'Field' });
    return rows.map((row) => PolicyField.from(new RowReader(row).map('node')));
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items of this field, in code order.' })
  async policyItems(@Root() field: PolicyField, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await ctx.loaders.outgoing('HAS_ITEM').load(field.id)).map(PolicyItem.from);
  }
}
