import { comparisons } from '../common/number-comparison';
import type { Condition } from '../read/page/condition';
import { anyOf, withNotAndOr } from '../read/page/filter-conditions';
import type { IndicatorFilter } from './indicator.filter';

/** An indicator filter as a condition tree. */
export function indicatorCondition(filter: IndicatorFilter | null): Promise<Condition> {
  return conditionsOf(filter ?? {}, 'filter');
}

function conditionsOf(f: IndicatorFilter, path: string): Promise<Condition> {
  const own = [
    ...anyOf(
      'fragments/indicator/ids',
      undefined,
      f.ids?.map((id) => id.trim()),
    ),
    ...anyOf(
      'fragments/common/item-codes',
      f.policyItem?.trim(),
      f.policyItems?.map((c) => c.trim()),
    ),
    ...anyOf('fragments/common/item-fields', f.field, f.fields),
    ...anyOf('fragments/common/item-sdgs', f.sdg, f.sdgs),
    ...anyOf('fragments/indicator/directions', f.direction, f.directions),
    ...comparisons('fragments/indicator/current', f.current, `${path}.current`),
    ...comparisons('fragments/indicator/target', f.target, `${path}.target`),
    ...comparisons('fragments/indicator/relative-change', f.relativeChange, `${path}.relativeChange`),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, subPath), path);
}
