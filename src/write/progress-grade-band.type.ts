import { Field, Float, ObjectType } from 'type-graphql';
import { ProgressGrade } from './indicator-progress';

@ObjectType({
  description: 'One grade of the progress scale with its threshold (seed/reference/progress-grades.yaml).',
})
export class ProgressGradeBand {
  @Field(() => ProgressGrade, { description: 'The grade.' })
  grade!: ProgressGrade;

  @Field(() => Float, {
    nullable: true,
    description: 'Lowest achievement rate (percent, inclusive) of the grade; null for the last (everything below).',
  })
  minRate!: number | null;

  @Field({ description: 'What the grade means.' })
  meaning!: string;
}
