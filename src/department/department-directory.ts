import type { RequestContext } from '../context';
import { RowReader } from '../db/row-reader';
import { Department } from './department.type';
import { resolveDepartmentRef } from './department-ref';

/** All departments, read once per request (they are few) and shared by every department reference in it. */
const cache = new WeakMap<RequestContext, Promise<Department[]>>();

export function allDepartments(ctx: RequestContext): Promise<Department[]> {
  let departments = cache.get(ctx);
  if (!departments) {
    departments = ctx.gateway
      .read('graph/all-by-label', { label: 'Department' })
      .then((rows) => rows.map((row) => Department.from(new RowReader(row).map('node'))));
    cache.set(ctx, departments);
  }
  return departments;
}

/** The department id a filter's `department` names, or null when the filter gives none. */
export async function departmentIdOf(
  ctx: RequestContext,
  ref: string | null | undefined,
  argument: string,
): Promise<string | null> {
  if (ref === null || ref === undefined) return null;
  return resolveDepartmentRef(ref, await allDepartments(ctx), argument).id;
}
