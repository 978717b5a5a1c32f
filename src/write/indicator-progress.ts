import { Field, Float, Int, ObjectType } from 'type-graphql';
import { describedEnum } from '../graph/described-enum';
import { achievementRate, type ProgressBasis, progressRule, ProgressRule } from './achievement-rate';
import { gradeOf, type ProgressGradeName } from './progress-grades';
import type { IndicatorResult } from './record.types';

const SCALE_FILE = 'seed/reference/progress-grades.yaml';

export const ProgressGrade = describedEnum(
  'ProgressGrade',
  `Grade of an indicator's progress by its achievement rate; the thresholds are reference data (${SCALE_FILE}, listed by \`progressGrades\`).`,
  {
    S: { description: 'S: the target is reached.' },
    A: { description: 'A: most of the way from the baseline to the target.' },
    B: { description: 'B: about half the way or more.' },
    C: { description: 'C: some way, or no change from the baseline.' },
    D: { description: 'D: worse than the baseline, or a bound (以内/以上) missed.' },
  },
);
export type ProgressGrade = (typeof ProgressGrade)[keyof typeof ProgressGrade];

@ObjectType({
  description: "An indicator's progress in one fiscal year: its recorded value against baseline and target.",
})
export class IndicatorProgress {
  @Field(() => Int, { description: 'The fiscal year (Gregorian year it starts in, R6 = 2024).' })
  fiscalYear!: number;

  @Field(() => Float, { description: "The year's value: its latest revision that is not retracted." })
  value!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Achievement rate in percent, one decimal, not capped (over 100 beyond the target, below 0 away from it); ' +
      'null when the indicator cannot be graded (see `rule`).',
  })
  achievementRate!: number | null;

  @Field(() => ProgressGrade, {
    nullable: true,
    description: 'Grade of the achievement rate on the reference scale; null exactly when achievementRate is null.',
  })
  grade!: ProgressGrade | null;

  @Field(() => ProgressRule, { description: 'How the rate was computed, or why there is none.' })
  rule!: ProgressRule;
}

/** A recorded value measured against what the documents print for its indicator. */
export function progressOf(basis: ProgressBasis, result: IndicatorResult): IndicatorProgress {
  const rate = achievementRate(basis, result.value);
  const grade: ProgressGradeName | null = rate === null ? null : gradeOf(rate);
  return Object.assign(new IndicatorProgress(), {
    fiscalYear: result.fiscalYear,
    value: result.value,
    achievementRate: rate,
    grade,
    rule: progressRule(basis),
  });
}
