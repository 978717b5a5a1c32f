import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from './sdg.type';
import { loadNode } from '../read/prefetch/load-node';
import { listByLabel } from '../read/prefetch/list-by-label';
import { related } from '../read/relationships';
import { nestedConnectionResolver } from '../read/nested-connection';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { MEASURE_LIST } from '../measure/measure.list';

@Resolver(() => Sdg)
export class SdgResolver {
  @Query(() => Sdg, { nullable: true, description: 'An SDG by number 1–17; null for other numbers.' })
  async sdg(
    @Arg('number', () => Int, { description: 'Goal number.' }) number: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Sdg | null> {
    const node = await loadNode(ctx, info, `sdg:${number}`);
    return node ? Sdg.from(node) : null;
  }

  @Query(() => [Sdg], { description: 'The 17 SDGs in number order.' })
  async sdgs(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Sdg[]> {
    return (await listByLabel(ctx, info, 'Sdg')).map(Sdg.from);
  }

  @FieldResolver(() => [PolicyItem], { description: 'Policy items contributing to the goal.' })
  async policyItems(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await related(ctx.loaders, 'Sdg', 'policyItems', sdg.id)).map(PolicyItem.from);
  }

  @FieldResolver(() => [Measure], {
    description: 'Measures touching the goal through their policy item (deleted ones excluded).',
  })
  async measures(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return (await related(ctx.loaders, 'Sdg', 'measures', sdg.id)).map(Measure.from);
  }

  @FieldResolver(() => [Department], { description: 'Departments responsible for a measure touching the goal.' })
  async departments(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await related(ctx.loaders, 'Sdg', 'departments', sdg.id)).map(Department.from);
  }

  @FieldResolver(() => [ReformSheet], { description: 'Reform sheets supporting a measure touching the goal.' })
  async reformSheets(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await related(ctx.loaders, 'Sdg', 'reformSheets', sdg.id)).map(ReformSheet.from);
  }
}

/** `Sdg.policyItemsConnection`. */
export const SdgPolicyItemsConnection = nestedConnectionResolver(POLICY_ITEM_LIST, {
  parent: () => Sdg,
  field: 'policyItemsConnection',
  scope: 'fragments/policy-item/scope-sdg',
  lists: 'Policy items contributing to the goal',
});

/** `Sdg.measuresConnection`. */
export const SdgMeasuresConnection = nestedConnectionResolver(MEASURE_LIST, {
  parent: () => Sdg,
  field: 'measuresConnection',
  scope: 'fragments/measure/scope-sdg',
  lists: 'Measures touching the goal through their policy item',
});
