import type { SdgLabel } from '../common/sdg-badge';

/** Everything the heatmap view shows, in one request: the field filter's options and the whole matrix. */
export const HEATMAP_QUERY = `
query DashboardHeatmap($field: Int) {
  fields { number name nameEn }
  sdgCoverage(field: $field) {
    departments { id name nameEn }
    sdgs { number name nameEn color }
    cells {
      department { id }
      sdg { number }
      measureCount
      measures { code name status policyItem { code name } }
    }
  }
}`;

export interface DepartmentLabel {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

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
  readonly sdgCoverage: {
    readonly departments: readonly DepartmentLabel[];
    readonly sdgs: readonly SdgLabel[];
    readonly cells: readonly CoverageCell[];
  };
}
