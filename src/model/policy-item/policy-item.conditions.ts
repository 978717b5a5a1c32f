import { POLICY_ITEM_ANCHORS, POLICY_ITEM_ATTRIBUTES } from '../../graph/properties/policy-item.properties';
import { declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { foldedText } from '../../read/filter/text-filter';
import type { CompileContext } from '../../read/compile-context';
import { matches, type Condition } from '../../read/page/condition';
import { departmentsOf, listOf, withNotAndOr } from '../../read/page/filter-conditions';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import type { PolicyItemFilter } from './policy-item.filter';

/** A policy-item filter as a condition tree. */
export function policyItemCondition(
  filter: PolicyItemFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(
  f: PolicyItemFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const text = foldedText(f.text);
  const own = [
    ...(await listOf('fragments/policy-item/fields', f.field, f, 'fields', path)),
    ...(await listOf(declaredConditionIn('PolicyItem', POLICY_ITEM_ANCHORS, 'sdgs'), f.sdg, f, 'sdgs', path)),
    ...(await departmentsOf('fragments/policy-item/departments', f, ctx.departments, path)),
    ...(await listOf('fragments/policy-item/linkage-plans', f.linkagePlan, f, 'linkagePlans', path)),
    ...(f.detailed === undefined || f.detailed === null ? [] : [matches('fragments/policy-item/detailed', f.detailed)]),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
    ...declaredComparisons(POLICY_ITEM_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('PolicyItem', POLICY_ITEM_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}
