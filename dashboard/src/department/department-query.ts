import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';
import type { SdgLabel } from '../common/sdg-badge';

/** How many of a department's measures one page shows (the list grows with every edition of the plan). */
export const MEASURES_PER_PAGE = 10;

/**
 * The department picker and, once one is chosen, its page: one request either way (`@include` leaves the
 * department out while none is chosen). Its measures are a nested page (`$after`: where the shown page
 * starts), answered by the department's own statement.
 */
export const DEPARTMENT_QUERY = `
query DashboardDepartment($ref: String!, $chosen: Boolean!, $after: String) {
  departments { ${DEPARTMENT_LABEL_FIELDS} }
  department(ref: $ref) @include(if: $chosen) {
    ${DEPARTMENT_LABEL_FIELDS}
    measures: measuresConnection(first: ${MEASURES_PER_PAGE}, after: $after) {
      totalCount
      nodes { code name status policyItem { code name indicators { id name } } sdgs { number name nameEn color } }
      pageInfo { hasNextPage endCursor }
    }
    executing: reformSheets(role: EXECUTING) { code name evaluation }
    partnering: reformSheets(role: PARTNER) { code name evaluation }
    collaborators { department { ${DEPARTMENT_LABEL_FIELDS} } sharedMeasures sharedReformSheets }
  }
}`;

interface Sheet {
  readonly code: string;
  readonly name: string;
  readonly evaluation: string | null;
}

export interface DepartmentData {
  readonly departments: readonly DepartmentLabel[];
  readonly department?:
    | (DepartmentLabel & {
        readonly measures: {
          readonly totalCount: number;
          readonly nodes: readonly {
            readonly code: string;
            readonly name: string;
            readonly status: string;
            readonly policyItem: {
              readonly code: string;
              readonly name: string;
              /** The item's indicators; the measure's own is the one of the same code (5-1-1 → indicator:5-1-1). */
              readonly indicators: readonly { readonly id: string; readonly name: string }[];
            };
            readonly sdgs: readonly SdgLabel[];
          }[];
          readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        };
        readonly executing: readonly Sheet[];
        readonly partnering: readonly Sheet[];
        readonly collaborators: readonly {
          readonly department: DepartmentLabel;
          readonly sharedMeasures: number;
          readonly sharedReformSheets: number;
        }[];
      })
    | null;
}
