import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { MeasureConnection, PolicyItemConnection } from '../common/connection-types';
import type { Page } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../context';
import { Department } from '../department/department.type';
import { MeasureFilter } from '../measure/measure.filter';
import { MeasureOrder } from '../measure/measure.order';
import { Measure } from '../measure/measure.type';
import { nestedMeasures } from '../measure/nested-measures';
import { nestedPolicyItems } from '../policy-item/nested-policy-items';
import { PolicyItemFilter } from '../policy-item/policy-item.filter';
import { PolicyItemOrder } from '../policy-item/policy-item.order';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from './sdg.type';
import { loadNode } from '../engine/load-node';
import { listByLabel } from '../engine/list-by-label';
import { FilterArg, OrderByArg } from '../common/list-args';

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

  @FieldResolver(() => PolicyItemConnection, {
    description:
      'Policy items contributing to the goal as a connection: paged (`first`/`after`), filtered and sorted like the root `policyItems`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async policyItemsConnection(
    @Root() parent: Sdg,
    @FilterArg(() => PolicyItemFilter)
    filter: PolicyItemFilter | null,
    @OrderByArg(() => PolicyItemOrder)
    orderBy: InstanceType<typeof PolicyItemOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<PolicyItem>> {
    return nestedPolicyItems(ctx, 'sdg', parent.id, filter, orderBy, slice, info);
  }

  @FieldResolver(() => [Measure], {
    description: 'Measures touching the goal through their policy item (deleted ones excluded).',
  })
  async measures(@Root() sdg: Sdg, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return (await ctx.loaders.path('sdg/measures-by-ids').load(sdg.id)).map(Measure.from);
  }

  @FieldResolver(() => MeasureConnection, {
    description:
      'Measures touching the goal through their policy item as a connection: paged (`first`/`after`), filtered and sorted like the root `measures`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async measuresConnection(
    @Root() parent: Sdg,
    @FilterArg(() => MeasureFilter)
    filter: MeasureFilter | null,
    @OrderByArg(() => MeasureOrder)
    orderBy: InstanceType<typeof MeasureOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Measure>> {
    return nestedMeasures(ctx, 'sdg', parent.id, filter, orderBy, slice, info);
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
