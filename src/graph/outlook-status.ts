import { describedEnum } from './described-enum';

const FILE = 'seed/reference/outlook.yaml';

/** Where an indicator is headed, in the classes of ESCAP's SDG progress assessment (as Open SDG shows them). */
export const IndicatorOutlookStatus = describedEnum(
  'IndicatorOutlookStatus',
  `Whether an indicator will meet its target by the target year at the pace observed since the baseline (ESCAP's SDG progress assessment, as Open SDG implements it; thresholds in ${FILE}).`,
  {
    TARGET_ACHIEVED: {
      description: 'The latest value already reaches the target on its side, or keeps its bound (以内/以上).',
    },
    ON_TRACK: {
      description: 'At the observed pace the target is met by the target year: ratio at or above 0.95.',
    },
    NEEDS_ACCELERATION: {
      description: 'Progress toward the target, but too slow to meet it: ratio at or above 0.6, below 0.95.',
    },
    LIMITED_PROGRESS: { description: 'Little progress toward the target: ratio at or above 0, below 0.6.' },
    DETERIORATION: {
      description: 'Moving away from the target (ratio below 0), or a bound (以内/以上) not kept.',
    },
    NOT_ASSESSED: { description: 'No outlook can be given; `reason` says why.' },
  },
);
export type IndicatorOutlookStatus = (typeof IndicatorOutlookStatus)[keyof typeof IndicatorOutlookStatus];

/** Why an indicator's outlook cannot be given. */
export const OutlookNotAssessedReason = describedEnum(
  'OutlookNotAssessedReason',
  "Why an indicator's outlook is NOT_ASSESSED.",
  {
    NO_TARGET: { description: 'The documents print no numeric target (目標値).' },
    NO_BASELINE: {
      description: 'The documents print no numeric baseline (現状値), so there is no pace to measure from.',
    },
    NO_DISTANCE: {
      description: 'The target equals the baseline and has no bound: there is no distance to cover.',
    },
    NO_RESULT: { description: 'No result is recorded yet (or every revision was retracted).' },
    NO_YEAR_AFTER_BASELINE: {
      description: 'The latest result is of the baseline year or before: no year has passed to measure a pace over.',
    },
  },
);
export type OutlookNotAssessedReason = (typeof OutlookNotAssessedReason)[keyof typeof OutlookNotAssessedReason];

/** How an outlook's ratio (and so its status) was computed. */
export const OutlookMethod = describedEnum(
  'OutlookMethod',
  "How an indicator's outlook ratio was computed (ESCAP's SDG progress assessment, as Open SDG implements it).",
  {
    COMPOUND_GROWTH: {
      description:
        "Compound annual growth rates, observed ((V/B)^(1/(t−t0)) − 1) over needed ((T/B)^(1/(tT−t0)) − 1), as ESCAP measures them: baseline, latest value and target all above 0, the value and the target within seed/reference/outlook.yaml's compoundGrowthMaxFactor (10) of the baseline.",
    },
    LINEAR_GROWTH: {
      description:
        'Yearly steps, observed ((V−B)/(t−t0)) over needed ((T−B)/(tT−t0)): the stated fallback where compound growth is unreliable, for the ratio and the projection alike: one of baseline, latest value or target is 0 or below (a growth rate is undefined; Open SDG substitutes 0.001 for a zero instead), or the value or the target lies beyond compoundGrowthMaxFactor of a tiny base (5-6-2: 1 件 ▶▶ 520 件).',
    },
    BOUND: {
      description: 'A bound (以内/以下, 以上) kept or not by the latest value: no pace is measured.',
    },
  },
);
export type OutlookMethod = (typeof OutlookMethod)[keyof typeof OutlookMethod];

/** How an outlook's projected value was computed. */
export const ProjectionMethod = describedEnum(
  'ProjectionMethod',
  "How an indicator's projected value at the target year was computed: always by the model of its ratio (`method`), so the status and the projection agree.",
  {
    PACE_CARRIED_FORWARD: {
      description:
        'The observed pace carried on to the target year by the model `method` names: compound growth B·(V/B)^((tT−t0)/(t−t0)), or yearly steps B + (V−B)·(tT−t0)/(t−t0). It reaches the target exactly when the ratio is 1 or more. Rounded as the unit counts: whole numbers for a count, two decimals for a percentage.',
    },
    PACE_CARRIED_FORWARD_CLAMPED: {
      description:
        'PACE_CARRIED_FORWARD, moved back inside what the unit allows: a percentage to 0–100, a count to 0 or more (the pace itself left that range).',
    },
  },
);
export type ProjectionMethod = (typeof ProjectionMethod)[keyof typeof ProjectionMethod];
