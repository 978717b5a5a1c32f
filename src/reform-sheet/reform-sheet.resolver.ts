import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ReformSheetConnection } from '../common/connection-types';
import type { Page } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { fetchFilteredPage } from '../query/fetch-filtered-page';
import { Sdg } from '../sdg/sdg.type';
import { nestedReformSheets } from './nested-reform-sheets';
import { ReformArea } from './reform-area.type';
import { reformSheetCondition } from './reform-sheet.conditions';
import { ReformSheetFilter } from './reform-sheet.filter';
import { ReformSheetOrder } from './reform-sheet.order';
import { REFORM_SHEET_PAGE } from './reform-sheet.page-spec';
import { ReformSheet } from './reform-sheet.type';
import { loadNode } from '../engine/load-node';
import { listByLabel } from '../engine/list-by-label';
import { FilterArg, OrderByArg } from '../common/list-args';

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
    return fetchFilteredPage(ctx, REFORM_SHEET_PAGE, condition, orderBy, slice, info, ReformSheet.from);
  }

  @Query(() => [ReformArea], { description: 'The three areas of the administrative-reform outline.' })
  async reformAreas(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ReformArea[]> {
    return (await listByLabel(ctx, info, 'ReformArea')).map(ReformArea.from);
  }

  @FieldResolver(() => ReformArea, { description: 'The area the sheet belongs to.' })
  async area(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<ReformArea> {
    return ReformArea.from(await ctx.loaders.child('IN_AREA', sheet.id));
  }

  @FieldResolver(() => [Department], { description: 'Executing departments (実行課).' })
  async departments(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await ctx.loaders.incoming('EXECUTES').load(sheet.id)).map(Department.from);
  }

  @FieldResolver(() => [Department], { description: 'Partner departments (連携課).' })
  async partners(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await ctx.loaders.incoming('PARTNERS_ON').load(sheet.id)).map(Department.from);
  }

  @FieldResolver(() => [Measure], {
    description: 'Measures (施策中項目) the sheet supports, as resolved from the names it cites.',
  })
  async measures(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Measure[]> {
    return (await ctx.loaders.outgoing('SUPPORTS').load(sheet.id)).map(Measure.from);
  }

  @FieldResolver(() => [Sdg], { description: 'SDGs touched through the measures the sheet supports.' })
  async sdgs(@Root() sheet: ReformSheet, @Ctx() ctx: RequestContext): Promise<Sdg[]> {
    return (await ctx.loaders.path('reform-sheet/sdgs-by-ids').load(sheet.id)).map(Sdg.from);
  }
}

@Resolver(() => ReformArea)
export class ReformAreaResolver {
  @FieldResolver(() => [ReformSheet], { description: 'Sheets of the area, in code order.' })
  async sheets(@Root() area: ReformArea, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await ctx.loaders.incoming('IN_AREA').load(area.id)).map(ReformSheet.from);
  }

  @FieldResolver(() => ReformSheetConnection, {
    description:
      'The sheets of the area as a connection: paged (`first`/`after`), filtered and sorted like the root `reformSheets`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async sheetsConnection(
    @Root() parent: ReformArea,
    @FilterArg(() => ReformSheetFilter)
    filter: ReformSheetFilter | null,
    @OrderByArg(() => ReformSheetOrder)
    orderBy: InstanceType<typeof ReformSheetOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<ReformSheet>> {
    return nestedReformSheets(ctx, 'area', parent.id, filter, orderBy, slice, info);
  }
}
