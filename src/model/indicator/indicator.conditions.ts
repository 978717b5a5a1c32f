import { INDICATOR_ANCHORS, INDICATOR_ATTRIBUTES } from '../../graph/properties/indicator.properties';
import { declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import type { CompileContext } from '../../read/compile-context';
import { comparisons } from '../../read/filter/number-comparison';
import { holds, matches, not, type Condition } from '../../read/page/condition';
import { departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import { outlookParameter } from '../../graph/outlook-reference';
import type { IndicatorFilter } from './indicator.filter';

/** An indicator filter as a condition tree. */
export function indicatorCondition(
  filter: IndicatorFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(
  f: IndicatorFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const own = [
    ...(await departmentsOf('fragments/indicator/departments', f, ctx.departments, path)),
    ...(await listOf('fragments/indicator/ids', undefined, f, 'ids', path, trimmed)),
    ...(await listOf('fragments/common/item-codes', f.policyItem?.trim(), f, 'policyItems', path, trimmed)),
    ...(await listOf('fragments/common/item-fields', f.field, f, 'fields', path)),
    ...(await listOf('fragments/common/item-sdgs', f.sdg, f, 'sdgs', path)),
    ...(await listOf('fragments/indicator/directions', f.direction, f, 'directions', path)),
    ...outlookConditions(f),
    ...ownerConditions(f.ownerConfirmed),
    ...declaredComparisons(INDICATOR_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('Indicator', INDICATOR_ANCHORS, f, ctx, path)),
    ...comparisons('fragments/indicator/relative-change', f.relativeChange, `${path}.relativeChange`),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

/** The condition of `ownerConfirmed`: some department answers for the indicator, or none does. */
function ownerConditions(confirmed: boolean | undefined | null): Condition[] {
  if (confirmed === undefined || confirmed === null) return [];
  const owned = holds('fragments/indicator/owned');
  return [confirmed ? owned : not(owned)];
}

/**
 * The conditions of `outlook`, `outlookAll` and `outlookNone`. The outlook is computed in Cypher from the
 * reference file's years and thresholds, as Indicator.outlook computes it, so the fragment takes the
 * statuses together with those figures; an indicator always has a status, so `not` excludes exactly.
 */
function outlookConditions(f: IndicatorFilter): Condition[] {
  const outlookIn = (statuses: readonly string[]) =>
    matches('fragments/indicator/outlooks', { statuses, ...outlookParameter() });
  const none = f.outlookNone ?? [];
  return [
    ...(f.outlook && f.outlook.length > 0 ? [outlookIn(f.outlook)] : []),
    ...(f.outlookAll ?? []).map((status) => outlookIn([status])),
    ...(none.length > 0 ? [not(outlookIn(none))] : []),
  ];
}
