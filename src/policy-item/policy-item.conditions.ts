import { foldedText } from '../common/text-filter';
import type { RequestContext } from '../read/request-context';
import { matches, type Condition } from '../read/page/condition';
import { anyOf, withNotAndOr } from '../read/page/filter-conditions';
import type { PolicyItemFilter } from './policy-item.filter';

/** A policy-item filter as a condition tree. */
export function policyItemCondition(filter: PolicyItemFilter | null, ctx: RequestContext): Promise<Condition> {
  return conditionsOf(filter ?? {}, ctx, 'filter');
}

async function conditionsOf(f: PolicyItemFilter, ctx: RequestContext, path: string): Promise<Condition> {
  const departments = await Promise.all(
    (f.departments ?? []).map((ref, at) => ctx.departments.idOf(ref, `${path}.departments.${at}`)),
  );
  const text = foldedText(f.text);
  const own = [
    ...anyOf('fragments/policy-item/fields', f.field, f.fields),
    ...anyOf('fragments/policy-item/sdgs', f.sdg, f.sdgs),
    ...anyOf(
      'fragments/policy-item/departments',
      await ctx.departments.idOf(f.department, `${path}.department`),
      departments,
    ),
    ...anyOf('fragments/policy-item/linkage-plans', f.linkagePlan, f.linkagePlans),
    ...(f.detailed === undefined || f.detailed === null ? [] : [matches('fragments/policy-item/detailed', f.detailed)]),
    ...(text === null ? [] : [matches('fragments/common/text', text)]),
  ];
  return withNotAndOr(own, f, (sub, subPath) => conditionsOf(sub, ctx, subPath), path);
}
