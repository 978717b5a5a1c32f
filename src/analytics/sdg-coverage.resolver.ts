import { IsOptional, Max, Min } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { allDepartments } from '../department/department-directory';
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

@Resolver()
export class SdgCoverageResolver {
  @Query(() => SdgCoverage, {
    description: 'Department × SDG coverage matrix in one call, gaps included (as absent cells).',
  })
  async sdgCoverage(@Args() { field }: SdgCoverageArgs, @Ctx() ctx: RequestContext): Promise<SdgCoverage> {
    const [departments, sdgRows, cellRows] = await Promise.all([
      allDepartments(ctx),
      ctx.gateway.read('graph/all-by-label', { label: 'Sdg' }),
      ctx.gateway.read('analytics/sdg-coverage', { field: field ?? null }),
    ]);
    const sdgs = sdgRows.map((row) => Sdg.from(new RowReader(row).map('node')));
    const departmentById = new Map(departments.map((d) => [d.id, d]));
    const sdgById = new Map(sdgs.map((s) => [s.id, s]));
    const cells = cellRows.map((row) => {
      const reader = new RowReader(row);
      const department = departmentById.get(reader.string('department'));
      const sdg = sdgById.get(reader.string('sdg'));
      if (!department || !sdg) throw new Error(`coverage cell names an unknown node: ${JSON.stringify(row)}`);
      const measures = reader.maps('measures').map(Measure.from);
      return {
        department,
        sdg,
        measures,
        measureCount: measures.length,
        reformSheetCount: reader.number('reformSheetCount'),
      };
    });
    return { departments, sdgs, cells };
  }
}
