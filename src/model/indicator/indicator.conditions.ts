import { comparisons } from '../../read/filter/number-comparison';
import type { Condition } from '../../read/page/condition';
import { listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import type { IndicatorFilter } from './indicator.filter';

/** An indicator filter as a condition tree. */
export function indicatorCondition(filter: IndicatorFilter | null): Promise<Condition> {
  return conditionsOf(filter ?? {}, 'filter');
}

async function conditionsOf(f: IndicatorFilter, path: string): Promise<Condition> {
  const own = [
    ...(await listOf('fragments/indicator/ids', undefined, f, 'ids', path, trimmed)),
    ...(await listOf('fragments/common/item-codes', f.policyItem?.trim(), f, 'policyItems', path, trimmed)),
    ...(await listOf('fragments/common/item-fields', f.field, f, 'fields', path)),
    ...(await listOf('fragments/common/item-sdgs', f.sdg, f, 'sdgs', path)),
    ...(await listOf('fragments/indicator/directions', f.direction, f, 'directions', path)),
    ...comparisons('fragments/indicator/current', f.current, `${path}.current`),
    ...comparisons('fragments/indicator/target', f.target, `${path}.target`),
    ...comparisons('fragments/indicator/relative-change', f.relativeChange, `${path}.relativeChange`),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, subPath), path);
}
