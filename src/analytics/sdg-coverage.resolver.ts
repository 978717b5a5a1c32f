import { IsOptional, Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { allDepartments } from '../department/department-directory';
import { listByLabel } from '../engine/list-by-label';
import { Measure } from '../measure/measure.type';
import { selectedSubfields } from '../query/selected-fields';
import { Sdg } from '../sdg/sdg.type';
import { SdgCoverage } from './sdg-coverage.type';

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
    const [departments, cellRows] = await Promise.all([
      allDepartments(ctx),
      ctx.gateway.read(withMeasures ? 'analytics/sdg-coverage' : 'analytics/sdg-coverage-counts', {
        field: field ?? null,
      }),
    ]);
    const departmentById = new Map(departments.map((d) => [d.id, d]));
    const cells = cellRows.map((row) => {
      const reader = new RowReader(row);
      const department = departmentById.get(reader.string('department'));
      if (!department) throw new Error(`coverage cell names an unknown department: ${JSON.stringify(row)}`);
      const sdg = Sdg.from(reader.map('sdg'));
      const reformSheetCount = reader.number('reformSheetCount');
      if (!withMeasures)
        return { department, sdg, measures: [], measureCount: reader.number('measureCount'), reformSheetCount };
      const measures = reader.maps('measures').map(Measure.from);
      return { department, sdg, measures, measureCount: measures.length, reformSheetCount };
    });
    return { departments, cells };
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
