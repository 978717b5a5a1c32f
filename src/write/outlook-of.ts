import { type ProgressBasis, progressRule, ProgressRule } from './achievement-rate';
import type { OutlookThresholds, OutlookYears } from '../graph/outlook-reference';
import {
  IndicatorOutlookStatus,
  OutlookMethod,
  OutlookNotAssessedReason,
  ProjectionMethod,
} from '../graph/outlook-status';
import { linearTrendAt, type YearValue } from './linear-trend';
import { clampedTo, UNBOUNDED, type ValueRange } from './value-range';

/** An indicator's latest recorded value and its fiscal year. */
export type LatestValue = YearValue;

/** What the projection reads besides the latest value: every recorded year in force, and the unit's range. */
export interface ProjectionInputs {
  /** Every year's value in force, oldest first (the latest among them); absent: the latest alone. */
  readonly series?: readonly YearValue[];
  readonly range?: ValueRange;
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
 *   the needed one classifies it: geometric ((V/B)^(1/(t−t0)) − 1) / ((T/B)^(1/(tT−t0)) − 1) when B, V, T are
 *   all above 0 (growth rates need positive values), else linear ((V−B)/(t−t0)) / ((T−B)/(tT−t0)).
 * The ratio is rounded to three decimals and the status read from the rounded ratio, so the two never disagree.
 * The ratio and projection are given whenever the pace can be measured, also for a target already reached.
 * The projection is a straight line (projectionOf), not the ratio's compound growth carried forward.
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
    elapsed > 0
      ? {
          ...paceOf(current, value, target, elapsed, years),
          ...projectionOf(current, projection.series ?? [latest], years, projection.range ?? UNBOUNDED),
        }
      : null;
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
 * The observed pace against the needed one (ratio): compound growth when baseline, value and target are all
 * positive, yearly steps otherwise (a growth rate from or to 0 is undefined; Open SDG puts 0.001 in place of a
 * zero, which makes any later value an explosive rate, so the straight line is used instead). The baseline
 * differs from the target (NO_DISTANCE is handled before), so the needed pace is never zero.
 */
function paceOf(
  baseline: number,
  value: number,
  target: number,
  elapsed: number,
  years: OutlookYears,
): { ratio: number; method: OutlookMethod } {
  const span = years.targetFiscalYear - years.baselineFiscalYear;
  if (baseline > 0 && value > 0 && target > 0) {
    const observed = (value / baseline) ** (1 / elapsed) - 1;
    const needed = (target / baseline) ** (1 / span) - 1;
    return { ratio: rounded(observed / needed, 3), method: OutlookMethod.COMPOUND_GROWTH };
  }
  const observed = (value - baseline) / elapsed;
  const needed = (target - baseline) / span;
  return { ratio: rounded(observed / needed, 3), method: OutlookMethod.LINEAR_GROWTH };
}

/**
 * Where the indicator is headed by the target year: the least-squares line through the baseline (at the
 * baseline year) and every recorded year after it, read at the target year, as a planning officer's
 * spreadsheet TREND draws it, then kept inside the unit's range. A compound projection would carry the
 * status's growth rate forward, which multiplies a small baseline out of the world (5-6-2: 1 件 ▶▶ 520 件,
 * 45 件 in FY2023 compounds to 45³ = 91,125 件 by FY2027, the line gives 133 件); the status keeps ESCAP's ratio.
 */
function projectionOf(
  baseline: number,
  series: readonly YearValue[],
  years: OutlookYears,
  range: ValueRange,
): { projectedValue: number | null; projectionMethod: ProjectionMethod | null } {
  const after = series.filter((point) => point.fiscalYear > years.baselineFiscalYear);
  const line = linearTrendAt(
    [{ fiscalYear: years.baselineFiscalYear, value: baseline }, ...after],
    years.targetFiscalYear,
  );
  if (line === null) return { projectedValue: null, projectionMethod: null };
  const { value, clamped } = clampedTo(line, range);
  return {
    projectedValue: rounded(value, 2),
    projectionMethod: clamped ? ProjectionMethod.LINEAR_TREND_CLAMPED : ProjectionMethod.LINEAR_TREND,
  };
}

function rounded(number: number, decimals: number): number {
  const scale = 10 ** decimals;
  // + 0 turns a rounded −0 into 0.
  return Math.round(number * scale) / scale + 0;
}
