import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { MeasureConnection } from './measure.connection';
import type { Page } from '../read/page/fetch-page';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../read/request-context';
import { Department } from '../department/department.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from '../sdg/sdg.type';
import { fetchFilteredPage } from '../read/page/fetch-filtered-page';
import { measureCondition } from './measure.conditions';
import { MeasureFilter } from './measure.filter';
import { MeasureOrder } from './measure.order';
import { MEASURE_PAGE } from './measure.page-spec';
import { Measure } from './measure.type';
import { loadNode } from '../read/prefetch/load-node';
import { FilterArg } from '../common/list-args';
import { related, relatedOne } from '../read/relationships';

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => Measure, {
    nullable: true,
    description: 'A measure by code, e.g. `5-1-3` (or `5-6-d3` for a deleted one); null when there is none.',
  })
  async measure(
    @Arg('code', { description: 'Measure code.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Measure | null> {
    const node = await loadNode(ctx, info, `measure:${code.trim()}`);
    return node ? Measure.from(node) : null;
  }

  @Query(() => MeasureConnection, {
    description:
      'Measures matching a filter, in code order (5-2 before 5-10), paginated. Deleted measures only when asked for.',
  })
  async measures(
    @FilterArg(() => MeasureFilter)
    filter: MeasureFilter | null,
    @Arg('orderBy', () => [MeasureOrder], {
      nullable: true,
      description:
        'Sort keys, first key first (at most 4); code is the final tiebreak. Default (and with none): code order.',
    })
    orderBy: InstanceType<typeof MeasureOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Measure>> {
    const condition = await measureCondition(filter, ctx);
    return fetchFilteredPage({ ctx, spec: MEASURE_PAGE, condition, orderBy, slice, info, map: Measure.from });
  }

  @FieldResolver(() => PolicyItem, { description: 'The policy item (施策大項目) the measure belongs to.' })
  async policyItem(@Root() measure: Measure, @Ctx() ctx: RequestContext): Promise<PolicyItem> {
    return PolicyItem.from(await relatedOne(ctx.loaders, 'Measure', 'policyItem', measure.id));
  }

  @FieldResolver(() => [Department], { description: 'Departments responsible for the measure (評価回答部署).' })
  async departments(@Root() measure: Measure, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await related(ctx.loaders, 'Measure', 'departments', measure.id)).map(Department.from);
  }

  @FieldResolver(() => [Sdg], { description: 'SDGs the measure touches, through its policy item.' })
  async sdgs(@Root() measure: Measure, @Ctx() ctx: RequestContext): Promise<Sdg[]> {
    return (await related(ctx.loaders, 'Measure', 'sdgs', measure.id)).map(Sdg.from);
  }

  @FieldResolver(() => [ReformSheet], { description: 'Reform sheets that name the measure as one they support.' })
  async reformSheets(@Root() measure: Measure, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await related(ctx.loaders, 'Measure', 'reformSheets', measure.id)).map(ReformSheet.from);
  }
}
