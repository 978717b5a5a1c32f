import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../../core/argument-length';
import { SheetRole } from '../../graph/enums';
import type { RequestContext } from '../../read/request-context';
import { RowReader } from '../../db/row-reader';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Collaboration } from './collaboration.type';
import { Department } from './department.type';
import { compileNodeRead, prefetchBelow } from '../../read/prefetch/load-node';
import { RootRead } from '../../read/root-reads';
import { related, scopeOf } from '../../read/declared-relationships';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, {
    nullable: true,
    description:
      'A department by id, Japanese name, English name (any case) or English words (`citizen activity division`). Unknown or ambiguous names are BAD_USER_INPUT listing candidates.',
  })
  // The resolver's compile: the department named, then what is selected below it (src/read/root-reads.ts).
  @RootRead(async (args, info, ctx) =>
    compileNodeRead(ctx, info, (await ctx.departments.resolve(String(args['ref']), 'ref')).id),
  )
  async department(
    @Arg('ref', { description: 'How you name the department.' }) @MaxChars(ARGUMENT_LENGTH.departmentRef) ref: string,
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
    return ctx.departments.departments();
  }

  @FieldResolver(() => [ReformSheet], {
    description: 'Reform sheets the department executes (実行課) or partners on (連携課).',
  })
  async reformSheets(
    @Root() department: Department,
    @Arg('role', () => SheetRole, { defaultValue: SheetRole.ANY, description: 'Which role to list.' }) role: SheetRole,
    @Ctx() ctx: RequestContext,
  ): Promise<ReformSheet[]> {
    return (await related(ctx.loaders, 'Department', 'reformSheets', department.id, { role })).map(ReformSheet.from);
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

export const DepartmentRelationships = relationshipResolvers(() => Department, 'Department', RELATED_KINDS, {
  measuresConnection: connection(
    MEASURE_LIST,
    scopeOf('Department', 'measures'),
    'Measures the department is responsible for',
  ),
  reformSheetsConnection: connection(
    REFORM_SHEET_LIST,
    scopeOf('Department', 'reformSheets'),
    'Reform sheets the department executes or partners on',
  ),
});
