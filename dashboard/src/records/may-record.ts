import type { DepartmentLabel } from '../common/department-order';
import type { StaffIdentity } from '../sign-in/token-claims';

/**
 * Whether to offer the forms: an admin, or an editor with one of the departments answering for the subject
 * (named in the token by id or by name, as the API accepts). Only a courtesy: the API checks every write.
 */
export function mayRecord(identity: StaffIdentity, departments: readonly DepartmentLabel[]): boolean {
  if (identity.role === 'admin') return true;
  if (identity.role !== 'editor') return false;
  return departments.some(
    (department) => identity.departments.includes(department.id) || identity.departments.includes(department.name),
  );
}
