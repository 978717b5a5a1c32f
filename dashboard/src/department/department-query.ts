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
      nodes { code name status policyItem { code name } sdgs { number name nameEn color } }
      pageInfo { hasNextPage endCursor }
    }
    indicators { id name outlook { status reason } owners { basis department { id } } }
    executing: reformSheets(role: EXECUTING) { code name evaluation }
    partnering: reformSheets(role: PARTNER) { code name evaluation }
    collaborators { department { ${DEPARTMENT_LABEL_FIELDS} } sharedMeasures sharedReformSheets }
  }
}`;

/** An indicator a department answers for, with its outlook and its owners' basis. */
export interface OwnedIndicator {
  readonly id: string;
  readonly name: string;
  readonly outlook: { readonly status: string; readonly reason: string | null };
  readonly owners: readonly { readonly basis: string; readonly department: { readonly id: string } }[];
}

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
            readonly policyItem: { readonly code: string; readonly name: string };
            readonly sdgs: readonly SdgLabel[];
          }[];
          readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        };
        /** The indicators it answers for (Indicator.owners), with each one's outlook and who else answers. */
        readonly indicators: readonly OwnedIndicator[];
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
