import { Field, ObjectType } from 'type-graphql';
import { CitedLine } from '../../graph/cited-line.type';
import { OwnerBasis } from '../../graph/owner-basis';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';

@ObjectType({
  description:
    'A department that answers for an outcome indicator: who records its results, whose progress counts it, whose at-risk list shows it.',
})
export class IndicatorOwner {
  @Field(() => Department, { description: 'The department (課).' })
  department!: Department;

  @Field(() => OwnerBasis, {
    description: "The rule that gave this department: the measure's row, a line naming it, or the policy item.",
  })
  basis!: OwnerBasis;

  @Field(() => [Measure], {
    description:
      'The measures (施策中項目) through which the department answers: those of the judgement whose row names it (empty for a department only a line about the programme names), or (BY_POLICY_ITEM) every measure of the item it is responsible for.',
  })
  measures!: Measure[];

  @Field({ description: 'Why, as seed/reference/indicator-owners.yaml gives it.' })
  reason!: string;

  @Field(() => [CitedLine], {
    description:
      "The document lines this department rests on: the measure's text naming the subject and its row (MEASURE_ROW), or the lines naming the department (NAMED_BY_LINE); empty for BY_POLICY_ITEM.",
  })
  evidence!: CitedLine[];
}
