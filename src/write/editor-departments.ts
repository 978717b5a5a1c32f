import type { RequestContext } from '../read/request-context';
import { resolveDepartmentRef } from '../model/department/department-directory';
import { ForbiddenError } from '../core/errors';

/**
 * Refuses a write unless the viewer may change records about a subject: admins always; editors when one of
 * their token's departments (ids or names, resolved like every department reference) answers for it.
 * A department name in a token that matches no department simply grants nothing.
 */
export async function assertMayRecordFor(
  ctx: RequestContext,
  subjectId: string,
  answeringDepartments: readonly string[],
): Promise<void> {
  const { viewer } = ctx;
  if (viewer.role === 'admin') return;
  const departments = await ctx.departments.departments();
  const own = viewer.departments.flatMap((ref) => {
    try {
      return [resolveDepartmentRef(ref, departments).id];
    } catch {
      return [];
    }
  });
  if (own.some((id) => answeringDepartments.includes(id))) return;
  const who = viewer.subject ?? 'This viewer';
  if (answeringDepartments.length === 0) {
    // An indicator no line of the documents gives a department (seed/reference/indicator-owners.yaml).
    throw new ForbiddenError(
      `${who} may not record for ${subjectId}: its owner is unconfirmed (no line of the documents names the department that answers for it), so only an administrator may record it.`,
    );
  }
  throw new ForbiddenError(
    `${who} may not record for ${subjectId}: it is answered for by ${answeringDepartments.join(
      ', ',
    )}, not by the token's departments (${viewer.departments.join(', ') || 'none'}).`,
  );
}
