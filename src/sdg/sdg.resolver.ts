import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from './sdg.type';
import type { GraphQLResolveInfo } from 'graphql';
import { listByLabel } from '../engine/list-by-label';
import { loadNode } from '../engine/load-node';

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
    return (await ctx.loaders.incoming('CONTRIBUTES_TO').load(sdg.id)).map(PolicyItem.from);
  }

  @FieldResolver(() => [Measure], {
    description: 'Measures touching the goal through their policy item (deleted ones excluded).',
  })
  async measures(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return (await ctx.loaders.path('sdg/measures-by-ids').load(sdg.id)).map(Measure.from);
  }

  @FieldResolver(() => [Department], { description: 'Departments responsible for a measure touching the goal.' })
  async departments(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await ctx.loaders.path('sdg/departments-by-ids').load(sdg.id)).map(Department.from);
  }

  @FieldResolver(() => [ReformSheet], { description: 'Reform sheets supporting a measure touching the goal.' })
  async reformSheets(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await ctx.loaders.path('sdg/reform-sheets-by-ids').load(sdg.id)).map(ReformSheet.from);
  }
}
