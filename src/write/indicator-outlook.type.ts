import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Outlook } from './outlook-of';
import { IndicatorOutlookStatus, OutlookNotAssessedReason } from '../graph/outlook-status';

@ObjectType({
  description:
    "Whether an indicator will meet its target by the target year at the pace observed since the baseline (ESCAP's SDG progress assessment, as Open SDG implements it). Years and thresholds are reference data (seed/reference/outlook.yaml).",
})
export class IndicatorOutlook implements Outlook {
  @Field(() => IndicatorOutlookStatus, { description: 'Where the indicator is headed.' })
  status!: IndicatorOutlookStatus;

  @Field(() => OutlookNotAssessedReason, {
    nullable: true,
    description: 'Why there is no outlook; null unless status is NOT_ASSESSED.',
  })
  reason!: OutlookNotAssessedReason | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Observed annual growth since the baseline over the growth needed to reach the target by the target year, three decimals: compound growth rates when baseline, latest value and target are all above 0, yearly steps otherwise. 1 is exactly the needed pace, below 0 away from the target. Null for a bound (以内/以上) and when no year has passed since the baseline.',
  })
  ratio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The latest recorded value: the latest fiscal year's revision that is not retracted; null without one.",
  })
  latestValue!: number | null;

  @Field(() => Int, { nullable: true, description: 'The fiscal year of latestValue (R6 = 2024).' })
  latestFiscalYear!: number | null;

  @Field(() => Int, {
    description:
      'The fiscal year of the baseline (現状値); the documents do not print it, the reference file chooses it.',
  })
  baselineFiscalYear!: number;

  @Field(() => Int, {
    description:
      'The fiscal year the target (目標値) is to be met by: the last year of the plan period unless overridden.',
  })
  targetFiscalYear!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'The value at the target year if the observed pace goes on, two decimals, in the same form as the ratio (compound or linear); null when ratio is null.',
  })
  projectedValue!: number | null;
}
