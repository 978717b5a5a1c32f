import { ChangeStatus } from '../common/enums';
import { foldedText } from '../common/text-filter';
import type { RequestContext } from '../read/request-context';
import { all, holds, matches, type Condition } from '../read/page/condition';
import { anyOf, withNotAndOr } from '../read/page/filter-conditions';
import type { MeasureFilter } from './measure.filter';

/**
 * A measure filter as a condition tree. Deleted measures are left out unless the filter asks for them
 * (`includeDeleted`, or DELETED named in a `status` anywhere in it), as before `or`/`not` existed.
 */
export async function measureCondition(filter: MeasureFilter | null, ctx: RequestContext): Promise<Condition> {
  const f = filter ?? {};
  const own = await conditionsOf(f, ctx, 'filter');
  return f.includeDeleted === true || namesDeleted(f) ? own : all([own, holds('fragments/measure/listed')]);
}

async function conditionsOf(f: MeasureFilter, ctx: RequestContext, path: string): Promise<Condition> {
  const departments = await Promise.all(
    (f.departments ?? []).map((ref, at) => ctx.departments.idOf(ref, `${path}.departments.${at}`)),
  );
  const text = foldedText(f.text);
  const own = [
    ...anyOf('fragments/common/item-sdgs', f.sdg, f.sdgs),
    ...anyOf(
      'fragments/measure/departments',
      await ctx.departments.idOf(f.department, `${path}.department`),
      departments,
    ),
    ...anyOf(
      'fragments/common/item-codes',
      f.policyItem?.trim(),
      f.policyItems?.map((c) => c.trim()),
    ),
    ...anyOf('fragments/common/item-fields', f.field, f.fields),
    ...anyOf('fragments/measure/statuses', null, f.status),
    ...anyOf(
      'fragments/measure/sheet-evaluations',
      null,
      f.sheetEvaluations?.map((g) => g.trim().toUpperCase()),
    ),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}

function namesDeleted(f: MeasureFilter): boolean {
  return (
    (f.status?.includes(ChangeStatus.DELETED) ?? false) ||
    (f.not !== undefined && f.not !== null && namesDeleted(f.not)) ||
    (f.or ?? []).some(namesDeleted)
  );
}
