import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { ConnectionShape } from '../common/connection';
import { ReformSheetConnection } from '../common/connection-types';
import { SheetRole } from '../common/enums';
import { fetchPage } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import { foldedText } from '../common/text-filter';
import type { RequestContext } from '../context';
import { departmentIdOf } from '../department/department-directory';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { Sdg } from '../sdg/sdg.type';
import { ReformArea } from './reform-area.type';
import { ReformSheetFilter } from './reform-sheet.filter';
import { ReformSheet } from './reform-sheet.type';
import type { GraphQLResolveInfo } from 'graphql';
import { listByLabel } from '../engine/list-by-label';
import { loadNode } from '../engine/load-node';

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

  @Query(() => ReformSheetConnection, { description: 'Reform sheets matching a filter, in code order, paginated.' })
  async reformSheets(
    @Arg('filter', () => ReformSheetFilter, {
      nullable: true,
      description: 'Conditions to match (AND); none lists all.',
    })
    filter: ReformSheetFilter | null,
    @Args() { first, after }: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ReformSheet>> {
    const f = filter ?? new ReformSheetFilter();
    const params = {
      area: f.area ?? null,
      department: await departmentIdOf(ctx, f.department, 'filter.department'),
      role: f.role ?? SheetRole.ANY,
      sdg: f.sdg ?? null,
      measure: f.measure?.trim() ?? null,
      evaluation: f.evaluation?.trim().toUpperCase() ?? null,
      viewpoint: foldedText(f.viewpoint),
      text: foldedText(f.text),
    };
    return fetchPage(ctx.gateway, 'reform-sheet/page', params, first, after, ReformSheet.from, {
      info,
      loaders: ctx.loaders,
    });
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
}
