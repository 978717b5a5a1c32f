import { Field, ObjectType } from 'type-graphql';
import { AreaCount, DepartmentCount, EvaluationCount, SdgCount } from '../../read/filter/facet-counts';

@ObjectType({
  description:
    'Counts over all reform sheets matching the filter (every page), computed only for the facets selected. A ' +
    'sheet has one area and one grade or none (those counts add up to totalCount).',
})
export class ReformSheetFacets {
  @Field(() => [AreaCount], { description: 'Per area, by area number.' })
  areas!: AreaCount[];

  @Field(() => [EvaluationCount], { description: 'Per year-end grade, ungraded sheets last.' })
  evaluations!: EvaluationCount[];

  @Field(() => [DepartmentCount], { description: 'Per executing department (実行課), most sheets first.' })
  departments!: DepartmentCount[];

  @Field(() => [SdgCount], { description: 'Per SDG touched through the supported measures, by SDG number.' })
  sdgs!: SdgCount[];
}
