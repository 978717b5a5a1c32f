import { describedEnum } from '../graph/described-enum';
import { targetBoundKind } from '../graph/target-bound';

/** How an indicator's achievement rate is found, from what the documents print for it. */
export const ProgressRule = describedEnum(
  'ProgressRule',
  "How an indicator's achievement rate is computed (or why it cannot be), from its baseline and target.",
  {
    BASELINE_TO_TARGET: {
      description:
        'The share (percent) of the distance from the baseline (現状値) to the target (目標値) covered: ' +
        '(value − baseline) / (target − baseline) × 100. Direction-aware by construction: for an indicator to ' +
        'bring down the distance is negative, so a fall counts as progress. Moving away from the target is negative.',
    },
    CEILING: {
      description:
        'The target is an upper bound (以内, 以下): kept (value ≤ target) gives 100; exceeded gives minus the ' +
        'overshoot in percent of the target (−100 for a ceiling of 0), so it grades as the lowest grade.',
    },
    FLOOR: {
      description:
        'The target is a lower bound (以上): kept (value ≥ target) gives 100; missed gives minus the shortfall ' +
        'in percent of the target (−100 for a floor of 0).',
    },
    NO_BASELINE: {
      description: 'No rate or grade: the documents print no numeric baseline (—), so there is no distance to cover.',
    },
    NO_TARGET: { description: 'No rate or grade: the documents print no numeric target.' },
    NO_DISTANCE: {
      description:
        'No rate or grade: the target equals the baseline and has no bound, so there is no distance to cover ' +
        'and the documents do not say which side of it is better.',
    },
  },
);
export type ProgressRule = (typeof ProgressRule)[keyof typeof ProgressRule];

/** What the documents print for an indicator that its progress is measured against. */
export interface ProgressBasis {
  readonly current: number | null;
  readonly target: number | null;
  readonly targetBound: string | null;
}

/** The rule that applies to an indicator, whatever the year's value. */
export function progressRule({ current, target, targetBound }: ProgressBasis): ProgressRule {
  if (target === null) return ProgressRule.NO_TARGET;
  // A bound is a condition on the value alone, so it needs no baseline.
  const bound = targetBoundKind(targetBound);
  if (bound === 'CEILING') return ProgressRule.CEILING;
  if (bound === 'FLOOR') return ProgressRule.FLOOR;
  if (current === null) return ProgressRule.NO_BASELINE;
  if (current === target) return ProgressRule.NO_DISTANCE;
  return ProgressRule.BASELINE_TO_TARGET;
}

/**
 * The achievement rate (percent, rounded to one decimal, as municipal reports print it; grades are taken
 * from the rounded rate so that the rate shown and its grade never disagree), or null when the rule gives
 * none. Not capped: beyond the target is above 100, away from it below 0.
 */
export function achievementRate(basis: ProgressBasis, value: number): number | null {
  const rule = progressRule(basis);
  const { current, target } = basis;
  if (target === null) return null;
  switch (rule) {
    case ProgressRule.BASELINE_TO_TARGET:
      return current === null ? null : roundedPercent((value - current) / (target - current));
    case ProgressRule.CEILING:
      return value <= target ? 100 : missedBy(value - target, target);
    case ProgressRule.FLOOR:
      return value >= target ? 100 : missedBy(target - value, target);
    default:
      return null;
  }
}

/** A bound missed by `gap` (> 0): minus the gap in percent of the bound, −100 when the bound is 0. */
function missedBy(gap: number, bound: number): number {
  return bound === 0 ? -100 : roundedPercent(-gap / Math.abs(bound));
}

function roundedPercent(share: number): number {
  // + 0 turns a rounded −0 into 0.
  return Math.round(share * 1000) / 10 + 0;
}
