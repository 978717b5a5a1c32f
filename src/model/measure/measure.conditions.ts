import { ChangeStatus } from '../../graph/enums';
import { MEASURE_ANCHORS, MEASURE_ATTRIBUTES } from '../../graph/properties/measure.properties';
import { declaredComparisons } from '../../read/filter/declared-filters';
import { declaredRelationshipConditions } from '../../read/filter/declared-relationship-filters';
import { foldedText } from '../../read/filter/text-filter';
import type { CompileContext } from '../../read/compile-context';
import { all, holds, matches, type Condition } from '../../read/page/condition';
import { anyOf, grade, departmentsOf, listOf, trimmed, withNotAndOr } from '../../read/page/filter-conditions';
import { declaredConditionIn } from '../../read/page/declared-anchors';
import type { MeasureFilter } from './measure.filter';

/**
 * A measure filter as a condition tree. Deleted measures are left out unless the filter asks for them
 * (`includeDeleted`, or DELETED named in a `status` anywhere in it), as before `or`/`not` existed.
 */
export async function measureCondition(
  filter: MeasureFilter | null,
  ctx: Pick<CompileContext, 'departments'>,
): Promise<Condition> {
  const f = filter ?? {};
  const own = await conditionsOf(f, ctx, 'filter');
  return f.includeDeleted === true || namesDeleted(f) ? own : all([own, holds('fragments/measure/listed')]);
}

async function conditionsOf(
  f: MeasureFilter,
  ctx: Pick<CompileContext, 'departments'>,
  path: string,
): Promise<Condition> {
  const text = foldedText(f.text);
  const own = [
    ...(await listOf('fragments/common/item-sdgs', f.sdg, f, 'sdgs', path)),
    ...(await departmentsOf(declaredConditionIn('Measure', MEASURE_ANCHORS, 'departments'), f, ctx.departments, path)),
    ...(await listOf('fragments/common/item-codes', f.policyItem?.trim(), f, 'policyItems', path, trimmed)),
    ...(await listOf('fragments/common/item-fields', f.field, f, 'fields', path)),
    ...anyOf('fragments/measure/statuses', null, f.status),
    ...(await listOf('fragments/measure/sheet-evaluations', null, f, 'sheetEvaluations', path, grade)),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
    ...declaredComparisons(MEASURE_ATTRIBUTES, f, path),
    ...(await declaredRelationshipConditions('Measure', MEASURE_ANCHORS, f, ctx, path)),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

function namesDeleted(f: MeasureFilter): boolean {
  return (
    (f.status?.includes(ChangeStatus.DELETED) ?? false) ||
    (f.not !== undefined && f.not !== null && namesDeleted(f.not)) ||
    (f.or ?? []).some(namesDeleted) ||
    (f.and ?? []).some(namesDeleted)
  );
}
