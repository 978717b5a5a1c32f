import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';
import type { Revision } from '../common/revision-history';

/**
 * A reform sheet's page in one request: the sheet as the documents write it, every evaluated year's current
 * revision, and each year's history only once asked for (`$history`).
 */
export const SHEET_QUERY = `
query DashboardSheet($id: ID!, $history: Boolean!) {
  sheet: node(id: $id) {
    __typename
    ... on ReformSheet {
      id code name viewpoint currentSituation actions effects notes planChanged
      area { number name }
      startYear { label year } targetYear { label year }
      yearlyTargets { year { label year } text }
      departments { ${DEPARTMENT_LABEL_FIELDS} }
      partners { ${DEPARTMENT_LABEL_FIELDS} }
      partnerGroups collectiveTerms
      measures { code name policyItem { code } }
      source { document line }
      evaluations {
        fiscalYear
        current { id revision grade summary recordedAt }
        history @include(if: $history) { id revision grade summary recordedAt retracted retractedReason }
      }
    }
  }
}`;

export interface SheetRevision extends Revision {
  readonly grade: string;
  readonly summary: string;
}

interface YearLabel {
  readonly label: string;
  readonly year: number;
}

export interface SheetDetail {
  readonly __typename: 'ReformSheet';
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly viewpoint: string;
  readonly currentSituation: string | null;
  readonly actions: string | null;
  readonly effects: string | null;
  readonly notes: string | null;
  readonly planChanged: boolean;
  readonly area: { readonly number: number; readonly name: string };
  readonly startYear: YearLabel;
  readonly targetYear: YearLabel | null;
  readonly yearlyTargets: readonly { readonly year: YearLabel; readonly text: string }[];
  readonly departments: readonly DepartmentLabel[];
  readonly partners: readonly DepartmentLabel[];
  readonly partnerGroups: readonly string[];
  readonly collectiveTerms: readonly string[];
  readonly measures: readonly {
    readonly code: string;
    readonly name: string;
    readonly policyItem: { readonly code: string };
  }[];
  readonly source: { readonly document: string; readonly line: number } | null;
  readonly evaluations: readonly {
    readonly fiscalYear: number;
    readonly current: SheetRevision | null;
    readonly history?: readonly SheetRevision[];
  }[];
}

export interface SheetData {
  readonly sheet: SheetDetail | { readonly __typename: string } | null;
}

/** Whether `node(id:)` answered a reform sheet (it answers any kind of node, or null). */
export function isSheet(node: SheetData['sheet']): node is SheetDetail {
  return node !== null && node.__typename === 'ReformSheet';
}
