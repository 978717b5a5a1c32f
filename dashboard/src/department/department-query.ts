import type { Named } from '../common/i18n';
import type { SdgLabel } from '../common/sdg-badge';

/**
 * The department picker and, once one is chosen, its page: one request either way (`@include` leaves the
 * department out while none is chosen).
 */
export const DEPARTMENT_QUERY = `
query DashboardDepartment($ref: String!, $chosen: Boolean!) {
  departments { id name nameEn }
  department(ref: $ref) @include(if: $chosen) {
    id name nameEn
    measures { code name status policyItem { code name } sdgs { number name nameEn color } }
    executing: reformSheets(role: EXECUTING) { code name evaluation }
    partnering: reformSheets(role: PARTNER) { code name evaluation }
    collaborators { department { id name nameEn } sharedMeasures sharedReformSheets }
  }
}`;

interface Sheet {
  readonly code: string;
  readonly name: string;
  readonly evaluation: string | null;
}

export interface DepartmentData {
  readonly departments: readonly (Named & { readonly id: string })[];
  readonly department?:
    | (Named & {
        readonly id: string;
        readonly measures: readonly {
          readonly code: string;
          readonly name: string;
          readonly status: string;
          readonly policyItem: { readonly code: string; readonly name: string };
          readonly sdgs: readonly SdgLabel[];
        }[];
        readonly executing: readonly Sheet[];
        readonly partnering: readonly Sheet[];
        readonly collaborators: readonly {
          readonly department: Named & { readonly id: string };
          readonly sharedMeasures: number;
          readonly sharedReformSheets: number;
        }[];
      })
    | null;
}
