import { type ProgressBasis, progressRule, ProgressRule } from './achievement-rate';
import type { OutlookThresholds, OutlookYears } from '../graph/outlook-reference';
import {
  IndicatorOutlookStatus,
  OutlookMethod,
  OutlookNotAssessedReason,
  ProjectionMethod,
} from '../graph/outlook-status';
import { clampedTo, UNBOUNDED, type ValueRange } from './value-range';

/** An indicator's latest recorded value and its fiscal year. */
export interface LatestValue {
  readonly fiscalYear: number;
  readonly value: number;
}

/** What the projection reads besides the latest value: the unit's range and how finely the unit counts. */
export interface ProjectionInputs {
  readonly range?: ValueRange;
  /** Decimals the projected value keeps: 0 for a count (件, 人 …), 2 for a percentage (projectionDecimals). */
  readonly decimals?: number;
}

/** What `outlookOf` finds; every figure null when it cannot be computed. */
export interface Outlook extends OutlookYears {
  readonly status: IndicatorOutlookStatus;
  readonly reason: OutlookNotAssessedReason | null;
  readonly ratio: number | null;
  readonly latestValue: number | null;
  readonly latestFiscalYear: number | null;
  readonly projectedValue: number | null;
  readonly method: OutlookMethod | null;
  readonly projectionMethod: ProjectionMethod | null;
}

/**
 * The outlook of an indicator by ESCAP's method as Open SDG implements it: with B the baseline of year t0,
 * V the latest value of year t and T the target of year tT,
 * - a bound (CEILING/FLOOR) kept is TARGET_ACHIEVED, not kept DETERIORATION (no pace: a bound is a condition
 *   on the value alone);
 * - otherwise a target reached on its side is TARGET_ACHIEVED; else the ratio of the observed annual growth to
 *   the needed one classifies it: compound ((V/B)^(1/(t−t0)) − 1) / ((T/B)^(1/(tT−t0)) − 1) when B, V, T are
 *   all above 0 and V and T lie within `compoundGrowthMaxFactor` of B, else yearly steps
 *   ((V−B)/(t−t0)) / ((T−B)/(tT−t0)).
 * One model gives the status, the ratio and the projection: the projected value is the observed pace of the
 * same model carried on to the target year (B·(V/B)^((tT−t0)/(t−t0)), or B + (V−B)·(tT−t0)/(t−t0)), so a
 * projection reaches the target exactly when the ratio is 1 or more, and the status can be read off it.
 * The ratio is rounded to three decimals and the status read from the rounded ratio.
 */
export function outlookOf(
  basis: ProgressBasis,
  latest: LatestValue | null,
  years: OutlookYears,
  thresholds: OutlookThresholds,
  projection: ProjectionInputs = {},
): Outlook {
  const rule = progressRule(basis);
  const base = {
    ...years,
    latestValue: latest?.value ?? null,
    latestFiscalYear: latest?.fiscalYear ?? null,
    ratio: null,
    projectedValue: null,
    method: null,
    projectionMethod: null,
  };
  const notAssessed = (reason: OutlookNotAssessedReason): Outlook => ({
    ...base,
    status: IndicatorOutlookStatus.NOT_ASSESSED,
    reason,
  });
  const assessed = (
    status: IndicatorOutlookStatus,
    pace: Pick<Outlook, 'ratio' | 'projectedValue' | 'method' | 'projectionMethod'> | null,
  ) => ({
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
    return assessed(kept ? IndicatorOutlookStatus.TARGET_ACHIEVED : IndicatorOutlookStatus.DETERIORATION, {
      ratio: null,
      projectedValue: null,
      method: OutlookMethod.BOUND,
      projectionMethod: null,
    });
  }
  if (current === null) return notAssessed(OutlookNotAssessedReason.NO_BASELINE);
  const elapsed = latest.fiscalYear - years.baselineFiscalYear;
  const pace =
    elapsed > 0 ? paceOf(current, value, target, elapsed, years, thresholds.compoundGrowthMaxFactor, projection) : null;
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

/** The pace of one model: its ratio, the method, and the projection it leads to. */
interface Pace {
  readonly ratio: number;
  readonly method: OutlookMethod;
  readonly projectedValue: number;
  readonly projectionMethod: ProjectionMethod;
}

/**
 * The observed pace against the needed one (ratio) and the same pace carried on to the target year
 * (projection), in one model: compound growth when baseline, value and target are all positive and the value and
 * the target lie within `maxFactor` of the baseline; yearly steps otherwise (a growth rate from or to 0 is
 * undefined, one from a tiny base is dominated by it; Open SDG puts 0.001 in place of a zero, which makes any
 * later value an explosive rate). The baseline differs from the target (NO_DISTANCE is handled before), so the
 * needed pace is never zero. The projection is kept inside the unit's range and rounded as the unit counts.
 */
function paceOf(
  baseline: number,
  value: number,
  target: number,
  elapsed: number,
  years: OutlookYears,
  maxFactor: number,
  { range = UNBOUNDED, decimals = 2 }: ProjectionInputs,
): Pace {
  const span = years.targetFiscalYear - years.baselineFiscalYear;
  const compound = compoundGrowthApplies(baseline, value, target, maxFactor);
  const ratio = compound
    ? ((value / baseline) ** (1 / elapsed) - 1) / ((target / baseline) ** (1 / span) - 1)
    : (value - baseline) / elapsed / ((target - baseline) / span);
  const carried = compound
    ? baseline * (value / baseline) ** (span / elapsed)
    : baseline + ((value - baseline) * span) / elapsed;
  const kept = clampedTo(carried, range);
  return {
    ratio: rounded(ratio, 3),
    method: compound ? OutlookMethod.COMPOUND_GROWTH : OutlookMethod.LINEAR_GROWTH,
    projectedValue: rounded(kept.value, decimals),
    projectionMethod: kept.clamped
      ? ProjectionMethod.PACE_CARRIED_FORWARD_CLAMPED
      : ProjectionMethod.PACE_CARRIED_FORWARD,
  };
}

/** Whether compound growth measures the pace: all three above 0, the value and target within `maxFactor` of the baseline. */
export function compoundGrowthApplies(baseline: number, value: number, target: number, maxFactor: number): boolean {
  if (!(baseline > 0 && value > 0 && target > 0)) return false;
  const within = (x: number) => x <= baseline * maxFactor && x * maxFactor >= baseline;
  return within(value) && within(target);
}

/** Decimals a projected value keeps in its unit: a percentage two (the documents print 82.31 %), a count none. */
export function projectionDecimals(unit: string | null): number {
  return unit !== null && /^(%|％)$/.test(unit.trim()) ? 2 : 0;
}

function rounded(number: number, decimals: number): number {
  const scale = 10 ** decimals;
  // + 0 turns a rounded −0 into 0.
  return Math.round(number * scale) / scale + 0;
}
