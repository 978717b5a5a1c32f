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
        'Compound annual growth rates, observed ((V/B)^(1/(t−t0)) − 1) over needed ((T/B)^(1/(tT−t0)) − 1): baseline, latest value and target all above 0.',
    },
    LINEAR_GROWTH: {
      description:
        'Yearly steps, observed ((V−B)/(t−t0)) over needed ((T−B)/(tT−t0)): used where one of baseline, latest value or target is 0 or below, where a growth rate is undefined (Open SDG substitutes 0.001 for a zero instead).',
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
  "How an indicator's projected value at the target year was computed.",
  {
    LINEAR_TREND: {
      description:
        "The least-squares straight line through the baseline (at the baseline year) and every recorded year's value in force, read at the target year, as a spreadsheet's TREND draws it.",
    },
    LINEAR_TREND_CLAMPED: {
      description:
        'LINEAR_TREND, moved back inside what the unit allows: a percentage to 0–100, a count to 0 or more (the line itself left that range).',
    },
  },
);
export type ProjectionMethod = (typeof ProjectionMethod)[keyof typeof ProjectionMethod];
