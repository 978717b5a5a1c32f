import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ChangeStatus } from '../common/enums';
import { SheetRole } from '../common/enums';
import { MeasureConnection, ReformSheetConnection } from '../common/connection-types';
import type { Page } from '../common/page-query';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { MeasureFilter } from '../measure/measure.filter';
import { MeasureOrder } from '../measure/measure.order';
import { Measure } from '../measure/measure.type';
import { nestedMeasures } from '../measure/nested-measures';
import { PolicyItem } from '../policy-item/policy-item.type';
import { nestedReformSheets } from '../reform-sheet/nested-reform-sheets';
import { ReformSheetFilter } from '../reform-sheet/reform-sheet.filter';
import { ReformSheetOrder } from '../reform-sheet/reform-sheet.order';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from '../sdg/sdg.type';
import { Collaboration } from './collaboration.type';
import { allDepartments } from './department-directory';
import { Department } from './department.type';
import { prefetchBelow } from '../engine/load-node';
import { FilterArg, OrderByArg } from '../common/list-args';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, {
    nullable: true,
    description:
      'A department by id, Japanese name, English name (any case) or English words (`citizen activity division`). Unknown or ambiguous names are BAD_USER_INPUT listing candidates.',
  })
  async department(
    @Arg('ref', { description: 'How you name the department.' }) ref: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Department> {
    const department = await ctx.departments.resolve(ref, 'ref');
    // The department itself comes from the directory; the statement fetches what is selected below it.
    await prefetchBelow(ctx, info, department.id);
    return department;
  }

  @Query(() => [Department], { description: 'Every department named in the documents, by id.' })
  departments(@Ctx() ctx: RequestContext): Promise<Department[]> {
    return allDepartments(ctx);
  }

  @FieldResolver(() => [Measure], { description: 'Measures the department is responsible for (評価回答部署).' })
  async measures(
    @Root() department: Department,
    @Arg('includeDeleted', { defaultValue: false, description: 'Also list measures the next plan deletes.' })
    includeDeleted: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Measure[]> {
    const measures = (await ctx.loaders.outgoing('RESPONSIBLE_FOR').load(department.id)).map(Measure.from);
    return includeDeleted ? measures : measures.filter((m) => m.status !== ChangeStatus.DELETED);
  }

  @FieldResolver(() => MeasureConnection, {
    description:
      'Measures the department is responsible for as a connection: paged (`first`/`after`), filtered and sorted like the root `measures`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async measuresConnection(
    @Root() parent: Department,
    @FilterArg(() => MeasureFilter)
    filter: MeasureFilter | null,
    @OrderByArg(() => MeasureOrder)
    orderBy: InstanceType<typeof MeasureOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Measure>> {
    return nestedMeasures(ctx, 'department', parent.id, filter, orderBy, slice, info);
  }

  @FieldResolver(() => [PolicyItem], {
    description: 'Policy items in which the department is responsible for a measure.',
  })
  async policyItems(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<PolicyItem[]> {
    return (await ctx.loaders.path('department/policy-items-by-ids').load(department.id)).map(PolicyItem.from);
  }

  @FieldResolver(() => [Sdg], { description: "SDGs the department's measures touch." })
  async sdgs(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<Sdg[]> {
    return (await ctx.loaders.path('department/sdgs-by-ids').load(department.id)).map(Sdg.from);
  }

  @FieldResolver(() => ReformSheetConnection, {
    description:
      'Reform sheets the department executes or partners on as a connection: paged (`first`/`after`), filtered and sorted like the root `reformSheets`, ' +
      'with totalCount and facets; pages of many parents come from one statement.',
  })
  async reformSheetsConnection(
    @Root() parent: Department,
    @FilterArg(() => ReformSheetFilter)
    filter: ReformSheetFilter | null,
    @OrderByArg(() => ReformSheetOrder)
    orderBy: InstanceType<typeof ReformSheetOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<ReformSheet>> {
    return nestedReformSheets(ctx, 'department', parent.id, filter, orderBy, slice, info);
  }

  @FieldResolver(() => [ReformSheet], {
    description: 'Reform sheets the department executes (実行課) or partners on (連携課).',
  })
  async reformSheets(
    @Root() department: Department,
    @Arg('role', () => SheetRole, { defaultValue: SheetRole.ANY, description: 'Which role to list.' }) role: SheetRole,
    @Ctx() ctx: RequestContext,
  ): Promise<ReformSheet[]> {
    const loader =
      role === SheetRole.EXECUTING
        ? ctx.loaders.outgoing('EXECUTES')
        : role === SheetRole.PARTNER
          ? ctx.loaders.outgoing('PARTNERS_ON')
          : ctx.loaders.path('department/reform-sheets-by-ids');
    return (await loader.load(department.id)).map(ReformSheet.from);
  }

  @FieldResolver(() => [Collaboration], {
    description: 'Departments sharing a measure or a reform sheet with this one, most shared first.',
  })
  async collaborators(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<Collaboration[]> {
    const rows = await ctx.loaders.rows('department/collaborators-by-ids').load(department.id);
    return rows.map((row: RowReader) => ({
      department: Department.from(row.map('node')),
      sharedMeasures: row.number('sharedMeasures'),
      sharedReformSheets: row.number('sharedReformSheets'),
    }));
  }
}
