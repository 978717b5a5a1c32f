import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';
import type { SdgLabel } from '../common/sdg-badge';

/**
 * Everything the heatmap view shows, in one request: the field filter's options, the whole matrix, when a
 * field is chosen, which departments answer for a measure of it (the measures' department facet; the first
 * page itself is not read), and which fields and SDGs the documents give no measures, shown as such.
 */
export const HEATMAP_QUERY = `
query DashboardHeatmap($field: Int, $filtered: Boolean!) {
  fields { number name nameEn }
  fieldMeasures: measures(filter: { field: $field }, first: 1) @include(if: $filtered) {
    facets { departments { id count } }
  }
  sdgCoverage(field: $field) {
    departments { ${DEPARTMENT_LABEL_FIELDS} }
    sdgs { number name nameEn color }
    cells {
      department { id }
      sdg { number }
      measureCount
      measures { code name status policyItem { code name } }
    }
  }
  serviceInfo { coverage { fields { field { number } measureCount } uncoveredSdgs { number } } }
}`;

export interface CoverageMeasure {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly policyItem: { readonly code: string; readonly name: string };
}

export interface CoverageCell {
  readonly department: { readonly id: string };
  readonly sdg: { readonly number: number };
  readonly measureCount: number;
  readonly measures: readonly CoverageMeasure[];
}

export interface HeatmapData {
  readonly fields: readonly { readonly number: number; readonly name: string; readonly nameEn: string }[];
  /** Present when a field is chosen: each department with measures in it (ids as `department:…`). */
  readonly fieldMeasures?: {
    readonly facets: { readonly departments: readonly { readonly id: string; readonly count: number }[] } | null;
  };
  readonly sdgCoverage: {
    readonly departments: readonly DepartmentLabel[];
    readonly sdgs: readonly SdgLabel[];
    readonly cells: readonly CoverageCell[];
  };
  readonly serviceInfo: {
    readonly coverage: {
      readonly fields: readonly { readonly field: { readonly number: number }; readonly measureCount: number }[];
      readonly uncoveredSdgs: readonly { readonly number: number }[];
    };
  };
}
