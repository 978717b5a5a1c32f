import { Field, Int, ObjectType } from 'type-graphql';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { Sdg } from '../sdg/sdg.type';

@ObjectType({ description: 'One department × SDG pair with any link between them.' })
export class CoverageCell {
  @Field(() => Department, { description: 'The department (row).' })
  department!: Department;

  @Field(() => Sdg, { description: 'The SDG (column).' })
  sdg!: Sdg;

  @Field(() => Int, { description: 'Measures the department answers for whose policy item contributes to the SDG.' })
  measureCount!: number;

  @Field(() => Int, {
    description: 'Reform sheets the department takes part in that support a measure touching the SDG.',
  })
  reformSheetCount!: number;

  @Field(() => [Measure], { description: 'The measures counted in measureCount, in code order.' })
  measures!: Measure[];
}

@ObjectType({
  description: 'Department × SDG coverage: every row and column, and the non-empty cells (gaps are the pairs absent).',
})
export class SdgCoverage {
  @Field(() => [Department], { description: 'Every department (rows), so a front end can draw zeros.' })
  departments!: Department[];

  // `sdgs` (all 17 SDGs, the columns) is resolved by SdgCoverageResolver only when asked for.

  @Field(() => [CoverageCell], { description: 'Non-empty cells, by department then SDG.' })
  cells!: CoverageCell[];
}
