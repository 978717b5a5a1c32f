import { IsOptional, Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { RowReader } from '../../db/row-reader';
import { listByLabel } from '../../read/prefetch/list-by-label';
import { Measure } from '../measure/measure.type';
import { selectedSubfields } from '../../read/page/selected-fields';
import { Sdg } from '../sdg/sdg.type';
import { CoverageCell, SdgCoverage } from './sdg-coverage.type';

@ArgsType()
class SdgCoverageArgs {
  @Field(() => Int, { nullable: true, description: 'Only policy items of this field (1–6); default all fields.' })
  @IsOptional()
  @Min(1)
  @Max(6)
  field?: number | null;
}

/** Whether the operation selects `cells { measures }` below this field (through fragments too). */
function selectsCellMeasures(info: GraphQLResolveInfo): boolean {
  return selectedSubfields(info, 'cells').has('measures');
}

/** A cell as read, its department still an id (the directory has the department objects). */
type CellRead = Omit<CoverageCell, 'department'> & { readonly department: string };

/** The matrix with each cell's measures (analytics/sdg-coverage: one row per cell). */
async function cellsWithMeasures(ctx: RequestContext, params: { field: number | null }): Promise<CellRead[]> {
  const rows = await ctx.gateway.read('analytics/sdg-coverage', params);
  return rows.map((row) => {
    const reader = new RowReader(row);
    const measures = reader.maps('measures').map(Measure.from);
    return {
      department: reader.string('department'),
      sdg: Sdg.from(reader.map('sdg')),
      measures,
      measureCount: measures.length,
      reformSheetCount: reader.number('reformSheetCount'),
    };
  });
}

/**
 * The matrix with counts only (analytics/sdg-coverage-counts: one row, the cells as four lists of the same
 * length naming their SDG by id, beside the SDGs named); `measures` stays empty, for a request that does not
 * select it.
 */
async function countedCells(ctx: RequestContext, params: { field: number | null }): Promise<CellRead[]> {
  const [row] = await ctx.gateway.read('analytics/sdg-coverage-counts', params);
  const reader = new RowReader(row ?? {});
  const sdgById = new Map(reader.maps('sdgNodes').map((node) => [node.string('id'), Sdg.from(node)]));
  const sdgIds = reader.strings('sdgs');
  const measureCounts = reader.numbers('measureCounts');
  const reformSheetCounts = reader.numbers('reformSheetCounts');
  return reader.strings('departments').map((department, i) => {
    const sdgId = cellField(sdgIds, i, 'sdgs');
    const sdg = sdgById.get(sdgId);
    if (!sdg) throw new Error(`coverage cell names an SDG the statement did not return: ${sdgId}`);
    return {
      department,
      sdg,
      measures: [],
      measureCount: cellField(measureCounts, i, 'measureCounts'),
      reformSheetCount: cellField(reformSheetCounts, i, 'reformSheetCounts'),
    };
  });
}

/** Cell `i`'s entry of one of the counts statement's parallel lists, which all have one entry per cell. */
function cellField<T>(list: readonly T[], i: number, column: string): T {
  const value = list[i];
  if (value === undefined) throw new Error(`coverage cells: column ${column} is shorter than departments`);
  return value;
}

@Resolver(() => SdgCoverage)
export class SdgCoverageResolver {
  @Query(() => SdgCoverage, {
    description: 'Department × SDG coverage matrix in one call, gaps included (as absent cells).',
  })
  async sdgCoverage(
    @Args() { field }: SdgCoverageArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SdgCoverage> {
    // The cells' measures are most of the matrix's bytes: a request that does not select them gets the
    // counts-only statement (same pairs, same counts), and cells whose `measures` nobody reads.
    const withMeasures = selectsCellMeasures(info);
    const params = { field: field ?? null };
    const [departments, cells] = await Promise.all([
      ctx.departments.departments(),
      withMeasures ? cellsWithMeasures(ctx, params) : countedCells(ctx, params),
    ]);
    const departmentById = new Map(departments.map((d) => [d.id, d]));
    return {
      departments,
      cells: cells.map(({ department: id, ...cell }) => {
        const department = departmentById.get(id);
        if (!department) throw new Error(`coverage cell names an unknown department: ${id}`);
        return { department, ...cell };
      }),
    };
  }

  // A field resolver, so the 17 SDGs cost a statement only when the selection asks for them (the cells
  // carry their own SDGs).
  @FieldResolver(() => [Sdg], { description: 'All 17 SDGs (columns).' })
  async sdgs(
    @Root() _coverage: SdgCoverage,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Sdg[]> {
    return (await listByLabel(ctx, info, 'Sdg')).map(Sdg.from);
  }
}
