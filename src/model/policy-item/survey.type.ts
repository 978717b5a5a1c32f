import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FiscalYear } from '../../graph/fiscal-year.type';

@ObjectType({
  description: 'One survey year of the citizen survey (市民アンケート): satisfaction and importance scores.',
})
export class SurveyPoint {
  @Field(() => FiscalYear, { description: 'Survey year (H24, H28, R3).' })
  year!: FiscalYear;

  @Field(() => Float, { nullable: true, description: 'Satisfaction score (満足度); negative means more dissatisfied.' })
  satisfaction!: number | null;

  @Field(() => Float, { nullable: true, description: 'Importance score (重要度).' })
  importance!: number | null;
}

@ObjectType({ description: 'Citizen survey results (市民アンケート結果) for a policy item.' })
export class Survey {
  @Field({ description: 'The statement citizens rated (項目名).' })
  question!: string;

  @Field(() => [SurveyPoint], { description: 'Scores per survey year, oldest first.' })
  points!: SurveyPoint[];

  @Field(() => Int, {
    nullable: true,
    description: 'Rank of the latest satisfaction score among all questions (参考順位).',
  })
  satisfactionRank!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank of the latest importance score among all questions.' })
  importanceRank!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of questions ranked (36).' })
  rankOutOf!: number | null;
}

@ObjectType({ description: 'Citizen satisfaction rate (市民満足度) printed in the final plan.' })
export class SatisfactionRate {
  @Field({ description: 'The question asked.' })
  question!: string;

  @Field(() => Float, { description: 'Share of satisfied citizens, in percent.' })
  percent!: number;
}
