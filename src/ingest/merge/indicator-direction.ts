import type { DIRECTIONS } from '../../graph/node-properties';
import { targetBoundKind } from '../../graph/target-bound';
import type { IndicatorValue } from '../final-plan';

export type IndicatorDirection = (typeof DIRECTIONS)[number];

/**
 * Which way is better for the indicator. A bound printed after the target says it outright: a ceiling
 * (以内, 以下) is DECREASE and a floor (以上) INCREASE, whatever the baseline, because the target is a
 * limit to stay within, not a value to move to (6-5-1 経常収支比率, 89.3 % → 92.7 %以内, may rise to
 * 92.7 % and still lower is better). Without a bound, the target compared with the current value decides;
 * without a baseline (`—`) or with equal values it is UNKNOWN (a target such as "keep at 0" names no side).
 */
export function indicatorDirection(current: IndicatorValue, target: IndicatorValue): IndicatorDirection {
  switch (targetBoundKind(target.bound)) {
    case 'CEILING':
      return 'DECREASE';
    case 'FLOOR':
      return 'INCREASE';
    default:
      if (current.value === null || target.value === null || current.value === target.value) return 'UNKNOWN';
      return target.value > current.value ? 'INCREASE' : 'DECREASE';
  }
}
