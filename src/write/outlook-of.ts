import { type ProgressBasis, progressRule, ProgressRule } from './achievement-rate';
import type { OutlookThresholds, OutlookYears } from '../graph/outlook-reference';
import { IndicatorOutlookStatus, OutlookNotAssessedReason } from '../graph/outlook-status';

/** An indicator's latest recorded value and its fiscal year. */
export interface LatestValue {
  readonly fiscalYear: number;
  readonly value: number;
}

/** What `outlookOf` finds; every figure null when it cannot be computed. */
export interface Outlook extends OutlookYears {
  readonly status: IndicatorOutlookStatus;
  readonly reason: OutlookNotAssessedReason | null;
  readonly ratio: number | null;
  readonly latestValue: number | null;
  readonly latestFiscalYear: number | null;
  readonly projectedValue: number | null;
}

/**
 * The outlook of an indicator by ESCAP's method as Open SDG implements it: with B the baseline of year t0,
 * V the latest value of year t and T the target of year tT,
 * - a bound (CEILING/FLOOR) kept is TARGET_ACHIEVED, not kept DETERIORATION (no pace: a bound is a condition
 *   on the value alone);
 * - otherwise a target reached on its side is TARGET_ACHIEVED; else the ratio of the observed annual growth to
 *   the needed one classifies it: geometric ((V/B)^(1/(t−t0)) − 1) / ((T/B)^(1/(tT−t0)) − 1) when B, V, T are
 *   all above 0 (growth rates need positive values), else linear ((V−B)/(t−t0)) / ((T−B)/(tT−t0)).
 * The ratio is rounded to three decimals and the status read from the rounded ratio, so the two never disagree.
 * The ratio and projection are given whenever the pace can be measured, also for a target already reached.
 */
export function outlookOf(
  basis: ProgressBasis,
  latest: LatestValue | null,
  years: OutlookYears,
  thresholds: OutlookThresholds,
): Outlook {
  const rule = progressRule(basis);
  const base = {
    ...years,
    latestValue: latest?.value ?? null,
    latestFiscalYear: latest?.fiscalYear ?? null,
    ratio: null,
    projectedValue: null,
  };
  const notAssessed = (reason: OutlookNotAssessedReason): Outlook => ({
    ...base,
    status: IndicatorOutlookStatus.NOT_ASSESSED,
    reason,
  });
  const assessed = (status: IndicatorOutlookStatus, pace: Pick<Outlook, 'ratio' | 'projectedValue'> | null) => ({
    ...base,
    ...pace,
    status,
    reason: null,
  });
  const reasonOfRule = NOT_ASSESSED_RULES.get(rule);
  if (reasonOfRule !== undefined) return notAssessed(reasonOfRule);
  if (latest === null) return notAssessed(OutlookNotAssessedReason.NO_RESULT);
  const { target, current } = basis;
  // progressRule returns a bound or BASELINE_TO_TARGET only with a target, and the latter only with a baseline.
  if (target === null) return notAssessed(OutlookNotAssessedReason.NO_TARGET);
  const value = latest.value;
  if (rule === ProgressRule.CEILING || rule === ProgressRule.FLOOR) {
    const kept = rule === ProgressRule.CEILING ? value <= target : value >= target;
    return assessed(kept ? IndicatorOutlookStatus.TARGET_ACHIEVED : IndicatorOutlookStatus.DETERIORATION, null);
  }
  if (current === null) return notAssessed(OutlookNotAssessedReason.NO_BASELINE);
  const elapsed = latest.fiscalYear - years.baselineFiscalYear;
  const pace = elapsed > 0 ? paceOf(current, value, target, elapsed, years) : null;
  const reached = target > current ? value >= target : value <= target;
  if (reached) return assessed(IndicatorOutlookStatus.TARGET_ACHIEVED, pace);
  if (pace === null) return notAssessed(OutlookNotAssessedReason.NO_YEAR_AFTER_BASELINE);
  return assessed(statusOfRatio(pace.ratio, thresholds), pace);
}

/** The rules that leave nothing to assess, and the reason each gives. */
const NOT_ASSESSED_RULES: ReadonlyMap<ProgressRule, OutlookNotAssessedReason> = new Map<
  ProgressRule,
  OutlookNotAssessedReason
>([
  [ProgressRule.NO_TARGET, OutlookNotAssessedReason.NO_TARGET],
  [ProgressRule.NO_BASELINE, OutlookNotAssessedReason.NO_BASELINE],
  [ProgressRule.NO_DISTANCE, OutlookNotAssessedReason.NO_DISTANCE],
]);

/** The status of a ratio: the first threshold it reaches, best first. */
export function statusOfRatio(ratio: number, thresholds: OutlookThresholds): IndicatorOutlookStatus {
  if (ratio >= thresholds.onTrack) return IndicatorOutlookStatus.ON_TRACK;
  if (ratio >= thresholds.needsAcceleration) return IndicatorOutlookStatus.NEEDS_ACCELERATION;
  if (ratio >= thresholds.limitedProgress) return IndicatorOutlookStatus.LIMITED_PROGRESS;
  return IndicatorOutlookStatus.DETERIORATION;
}

/**
 * The observed pace against the needed one (ratio) and where it leads by the target year (projectedValue),
 * in the same form: compound growth when baseline, value and target are all positive, straight line otherwise.
 * The baseline differs from the target (NO_DISTANCE is handled before), so the needed pace is never zero.
 */
function paceOf(
  baseline: number,
  value: number,
  target: number,
  elapsed: number,
  years: OutlookYears,
): { ratio: number; projectedValue: number } {
  const span = years.targetFiscalYear - years.baselineFiscalYear;
  if (baseline > 0 && value > 0 && target > 0) {
    const observed = (value / baseline) ** (1 / elapsed) - 1;
    const needed = (target / baseline) ** (1 / span) - 1;
    return { ratio: rounded(observed / needed, 3), projectedValue: rounded(baseline * (1 + observed) ** span, 2) };
  }
  const observed = (value - baseline) / elapsed;
  const needed = (target - baseline) / span;
  return { ratio: rounded(observed / needed, 3), projectedValue: rounded(baseline + observed * span, 2) };
}

function rounded(number: number, decimals: number): number {
  const scale = 10 ** decimals;
  // + 0 turns a rounded −0 into 0.
  return Math.round(number * scale) / scale + 0;
}
