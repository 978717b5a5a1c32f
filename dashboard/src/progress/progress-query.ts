import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';

/** What each group (all indicators, a field, a department, an SDG) lists with its counts: ids only, per count. */
const GROUP_LISTS = `
  indicators notGradable noResult
  grades { grade count indicators { id } }
  notGradableIndicators { id }
  noResultIndicators { id }
  outlooks { status count indicators { id } }`;

/** What the drill-down shows of an indicator, read once from the overall group (where each appears once). */
const INDICATOR_FIELDS = `
  id name unit currentText targetText
  policyItem { code }
  progress(fiscalYear: $fiscalYear) { value achievementRate rule }
  outlook { status reason ratio latestValue latestFiscalYear }`;

/**
 * Everything the progress view shows for a year, in one request: the years to choose from, the grade
 * scale for the legend, the year's counts (by grade and by outlook) per field, department and SDG, each count
 * with the indicators it counts, so drilling into a count is a view change that needs no request of its own,
 * and which fields and SDGs the documents give no indicators, to show as such rather than as zeros.
 */
export const PROGRESS_QUERY = `
query DashboardProgress($fiscalYear: Int!) {
  planFiscalYears { year label }
  progressGrades { grade minRate meaning }
  progressSummary(fiscalYear: $fiscalYear) {
    fiscalYear
    overall {
      indicators notGradable noResult
      grades { grade count indicators { ${INDICATOR_FIELDS} } }
      notGradableIndicators { ${INDICATOR_FIELDS} }
      noResultIndicators { ${INDICATOR_FIELDS} }
      outlooks { status count indicators { id } }
    }
    fields { field { number name nameEn } ${GROUP_LISTS} }
    departments { department { ${DEPARTMENT_LABEL_FIELDS} } ${GROUP_LISTS} }
    sdgs { sdg { number name nameEn } ${GROUP_LISTS} }
  }
  serviceInfo {
    coverage {
      fields { field { number name nameEn } indicatorCount }
      uncoveredSdgs { number name nameEn }
    }
  }
}`;

export type Grade = 'S' | 'A' | 'B' | 'C' | 'D';

export interface ProgressIndicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly currentText: string | null;
  readonly targetText: string | null;
  readonly policyItem: { readonly code: string };
  /** The year's result; null while none is recorded. */
  readonly progress: {
    readonly value: number;
    readonly achievementRate: number | null;
    readonly rule: string;
  } | null;
  /** Not of the year: from the latest recorded result. */
  readonly outlook: {
    readonly status: string;
    /** Why it is NOT_ASSESSED (NO_RESULT: nothing recorded yet); null otherwise. */
    readonly reason: string | null;
    readonly ratio: number | null;
    readonly latestValue: number | null;
    readonly latestFiscalYear: number | null;
  };
}

/** One group's counts, each with the indicators it counts (`T`: what is read of each indicator). */
export interface GroupCounts<T = { readonly id: string }> {
  readonly indicators: number;
  readonly notGradable: number;
  readonly noResult: number;
  readonly grades: readonly { readonly grade: Grade; readonly count: number; readonly indicators: readonly T[] }[];
  readonly notGradableIndicators: readonly T[];
  readonly noResultIndicators: readonly T[];
  /** Every outlook status in the enum's order, zeros included. */
  readonly outlooks: readonly { readonly status: string; readonly count: number; readonly indicators: readonly T[] }[];
}

/** A field or SDG by its number, with its names. */
export interface NumberedLabel {
  readonly number: number;
  readonly name: string;
  readonly nameEn: string;
}

export interface GradeBand {
  readonly grade: Grade;
  readonly minRate: number | null;
  readonly meaning: string;
}

export interface ProgressData {
  readonly planFiscalYears: readonly { readonly year: number; readonly label: string }[];
  readonly progressGrades: readonly GradeBand[];
  readonly progressSummary: {
    readonly fiscalYear: number;
    readonly overall: Omit<GroupCounts<ProgressIndicator>, 'outlooks'> & Pick<GroupCounts, 'outlooks'>;
    readonly fields: readonly ({ readonly field: NumberedLabel } & GroupCounts)[];
    readonly departments: readonly ({ readonly department: DepartmentLabel } & GroupCounts)[];
    readonly sdgs: readonly ({ readonly sdg: NumberedLabel } & GroupCounts)[];
  };
  readonly serviceInfo: {
    readonly coverage: {
      readonly fields: readonly { readonly field: NumberedLabel; readonly indicatorCount: number }[];
      readonly uncoveredSdgs: readonly NumberedLabel[];
    };
  };
}
