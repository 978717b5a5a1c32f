import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Outlook } from './outlook-of';
import {
  IndicatorOutlookStatus,
  OutlookMethod,
  OutlookNotAssessedReason,
  ProjectionMethod,
} from '../graph/outlook-status';

@ObjectType({
  description:
    "Whether an indicator will meet its target by the target year at the pace observed since the baseline (ESCAP's SDG progress assessment, as Open SDG implements it; `method` says which form), and where the straight-line trend leads (`projectedValue`, `projectionMethod`). Years and thresholds are reference data (seed/reference/outlook.yaml; the years' evidence is `serviceInfo.outlookYears`).",
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
      'The value at the target year the observed pace leads to, by the same model as the ratio (`method`): it reaches the target exactly when the ratio is 1 or more, so it never contradicts the status. Kept within what the unit allows (a percentage 0–100, a count 0 or more) and rounded as the unit counts (a count whole, a percentage to two decimals); `projectionMethod` says whether it was kept. Null when ratio is null.',
  })
  projectedValue!: number | null;

  @Field(() => OutlookMethod, {
    nullable: true,
    description:
      'How the ratio, the status and the projection were computed: COMPOUND_GROWTH (ESCAP), LINEAR_GROWTH (the fallback for a value 0 or below or a tiny base), or BOUND (以内/以上, no pace). Null when NOT_ASSESSED, or when no year has passed since the baseline.',
  })
  method!: OutlookMethod | null;

  @Field(() => ProjectionMethod, {
    nullable: true,
    description:
      'How projectedValue was computed: the pace of `method` carried forward, clamped to the unit or not. Null with it.',
  })
  projectionMethod!: ProjectionMethod | null;
}
