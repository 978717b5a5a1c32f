import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ReformSheetConnection } from './reform-sheet.connection';
import type { Page } from '../read/page/fetch-page';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { fetchFilteredPage } from '../read/page/fetch-filtered-page';
import { Sdg } from '../sdg/sdg.type';
import { ReformArea } from './reform-area.type';
import { reformSheetCondition } from './reform-sheet.conditions';
import { ReformSheetFilter } from './reform-sheet.filter';
import { ReformSheetOrder } from './reform-sheet.order';
import { REFORM_SHEET_PAGE } from './reform-sheet.page-spec';
import { ReformSheet } from './reform-sheet.type';
import { loadNode } from '../read/prefetch/load-node';
import { listByLabel } from '../read/prefetch/list-by-label';
import { FilterArg } from '../common/list-args';
import { related, relatedOne } from '../read/relationships';
import { nestedConnectionResolver } from '../read/nested-connection';
import { REFORM_SHEET_LIST } from './reform-sheet.list';

@Resolver(() => ReformSheet)
export class ReformSheetResolver {
  @Query(() => ReformSheet, {
    nullable: true,
    description: 'A reform sheet by code `area-number`, e.g. `1-6`; null when there is none.',
  })
  async reformSheet(
    @Arg('code', { description: 'Sheet code.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReformSheet | null> {
    const node = await loadNode(ctx, info, `reform-sheet:${code.trim()}`);
    return node ? ReformSheet.from(node) : null;
  }

  @Query(() => ReformSheetConnection, {
    description: 'Reform sheets matching a filter, in code order, paginated.',
  })
  async reformSheets(
    @FilterArg(() => ReformSheetFilter)
    filter: ReformSheetFilter | null,
    @Arg('orderBy', () => [ReformSheetOrder], {
      nullable: true,
      description:
        'Sort keys, first key first (at most 4); code is the final tiebreak. Default (and with none): code order.',
    })
    orderBy: InstanceType<typeof ReformSheetOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<ReformSheet>> {
    const condition = await reformSheetCondition(filter, ctx);
    return fetchFilteredPage({ ctx, spec: REFORM_SHEET_PAGE, condition, orderBy, slice, info, map: ReformSheet.from });
  }

  @Query(() => [ReformArea], { description: 'The three areas of the administrative-reform outline.' })
  async reformAreas(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ReformArea[]> {
    return (await listByLabel(ctx, info, 'ReformArea')).map(ReformArea.from);
  }

  @FieldResolver(() => ReformArea, { description: 'The area the sheet belongs to.' })
  async area(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<ReformArea> {
    return ReformArea.from(await relatedOne(ctx.loaders, 'ReformSheet', 'area', sheet.id));
  }

  @FieldResolver(() => [Department], { description: 'Executing departments (実行課).' })
  async departments(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await related(ctx.loaders, 'ReformSheet', 'departments', sheet.id)).map(Department.from);
  }

  @FieldResolver(() => [Department], { description: 'Partner departments (連携課).' })
  async partners(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await related(ctx.loaders, 'ReformSheet', 'partners', sheet.id)).map(Department.from);
  }

  @FieldResolver(() => [Measure], {
    description: 'Measures (施策中項目) the sheet supports, as resolved from the names it cites.',
  })
  async measures(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return (await related(ctx.loaders, 'ReformSheet', 'measures', sheet.id)).map(Measure.from);
  }

  @FieldResolver(() => [Sdg], { description: 'SDGs touched through the measures the sheet supports.' })
  async sdgs(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Sdg[]> {
    return (await related(ctx.loaders, 'ReformSheet', 'sdgs', sheet.id)).map(Sdg.from);
  }
}

@Resolver(() => ReformArea)
export class ReformAreaResolver {
  @FieldResolver(() => [ReformSheet], { description: 'Sheets of the area, in code order.' })
  async sheets(@Root() area: ReformArea, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await related(ctx.loaders, 'ReformArea', 'sheets', area.id)).map(ReformSheet.from);
  }
}

/** `ReformArea.sheetsConnection`. */
export const ReformAreaSheetsConnection = nestedConnectionResolver(REFORM_SHEET_LIST, {
  parent: () => ReformArea,
  field: 'sheetsConnection',
  scope: 'fragments/reform-sheet/scope-area',
  lists: 'The sheets of the area',
});
