import { IsOptional, Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { allDepartments } from '../department/department-directory';
import { listByLabel } from '../engine/list-by-label';
import { Measure } from '../measure/measure.type';
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

@Resolver(() => SdgCoverage)
export class SdgCoverageResolver {
  @Query(() => SdgCoverage, {
    description: 'Department × SDG coverage matrix in one call, gaps included (as absent cells).',
  })
  async sdgCoverage(@Args() { field }: SdgCoverageArgs, @Ctx() ctx: RequestContext): Promise<SdgCoverage> {
    const [departments, cellRows] = await Promise.all([
      allDepartments(ctx),
      ctx.gateway.read('analytics/sdg-coverage', { field: field ?? null }),
    ]);
    const departmentById = new Map(departments.map((d) => [d.id, d]));
    const cells = cellRows.map((row) => {
      const reader = new RowReader(row);
      const department = departmentById.get(reader.string('department'));
      if (!department) throw new Error(`coverage cell names an unknown department: ${JSON.stringify(row)}`);
      const sdg = Sdg.from(reader.map('sdg'));
      const measures = reader.maps('measures').map(Measure.from);
      return {
        department,
        sdg,
        measures,
        measureCount: measures.length,
        reformSheetCount: reader.number('reformSheetCount'),
      };
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
