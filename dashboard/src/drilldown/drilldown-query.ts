import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';
import type { Named } from '../common/i18n';
import type { SdgLabel } from '../common/sdg-badge';

/** The navigation: fields and their policy items (first request of the view). */
export const FIELDS_QUERY = `
query DashboardFields {
  fields { number name nameEn policyItems { code name detailed } }
}`;

export interface FieldsData {
  readonly fields: readonly (Named & {
    readonly number: number;
    readonly policyItems: readonly { readonly code: string; readonly name: string; readonly detailed: boolean }[];
  })[];
}

/** One policy item with everything the drill-down shows (second request, once an item is chosen). */
export const POLICY_ITEM_QUERY = `
query DashboardPolicyItem($code: String!) {
  policyItem(code: $code) {
    code name previousName detailed
    field { number name nameEn }
    sdgs { number name nameEn color }
    departments { ${DEPARTMENT_LABEL_FIELDS} }
    measures(includeDeleted: true) {
      code name previousName status
      departments { ${DEPARTMENT_LABEL_FIELDS} }
      reformSheets { code name evaluation }
    }
    indicators {
      id name currentText targetText unit direction progress { fiscalYear value achievementRate grade }
      outlook { status reason } owners { department { ${DEPARTMENT_LABEL_FIELDS} } }
    }
    reformSheets { code name evaluation departments { ${DEPARTMENT_LABEL_FIELDS} } }
    projects(includeDeleted: true) { id number name previousName status }
    relatedPlans { id name period }
  }
}`;

export interface IndicatorProgress {
  readonly fiscalYear: number;
  readonly value: number;
  readonly achievementRate: number | null;
  readonly grade: string | null;
}

export interface SheetRef {
  readonly code: string;
  readonly name: string;
  readonly evaluation: string | null;
}

export interface PolicyItemData {
  readonly policyItem: {
    readonly code: string;
    readonly name: string;
    readonly previousName: string | null;
    readonly detailed: boolean;
    readonly field: Named & { readonly number: number };
    readonly sdgs: readonly SdgLabel[];
    readonly departments: readonly DepartmentLabel[];
    readonly measures: readonly {
      readonly code: string;
      readonly name: string;
      readonly previousName: string | null;
      readonly status: string;
      readonly departments: readonly DepartmentLabel[];
      readonly reformSheets: readonly SheetRef[];
    }[];
    readonly indicators: readonly {
      readonly id: string;
      readonly name: string;
      readonly currentText: string | null;
      readonly targetText: string | null;
      readonly unit: string | null;
      readonly direction: string;
      /** The latest recorded year's progress (null until a result is recorded). */
      readonly progress: IndicatorProgress | null;
      /** Will the target be met at today's pace (`Indicator.outlook`). */
      readonly outlook: { readonly status: string; readonly reason: string | null };
      /** The departments that answer for it (`Indicator.owners`). */
      readonly owners: readonly { readonly department: DepartmentLabel }[];
    }[];
    readonly reformSheets: readonly (SheetRef & { readonly departments: readonly DepartmentLabel[] })[];
    readonly projects: readonly {
      readonly id: string;
      readonly number: number | null;
      readonly name: string;
      readonly previousName: string | null;
      readonly status: string;
    }[];
    readonly relatedPlans: readonly { readonly id: string; readonly name: string; readonly period: string | null }[];
  } | null;
}
