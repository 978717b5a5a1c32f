import { DEPARTMENT_LABEL_FIELDS, type DepartmentLabel } from '../common/department-order';
import type { Named } from '../common/i18n';

/**
 * Everything the indicator page shows, in one request: the indicator (by its readable id), the departments
 * that answer for it with the basis and evidence of each (`owners`), its outlook and how it was computed,
 * every recorded year with its current revision and its progress, each year's history only once asked for
 * (`$history`), the grade scale for the legend, and the outlook's years with the lines they rest on.
 */
export const INDICATOR_QUERY = `
query DashboardIndicator($id: ID!, $history: Boolean!) {
  indicator: node(id: $id) {
    __typename
    ... on Indicator {
      id name definition unit direction current currentText target targetText targetBound targetNote
      source { document line }
      policyItem { code name field { number name nameEn } }
      owners {
        basis reason department { ${DEPARTMENT_LABEL_FIELDS} } measures { code name } evidence { document line says }
      }
      outlook {
        status reason ratio latestValue latestFiscalYear baselineFiscalYear targetFiscalYear projectedValue
        method projectionMethod
      }
      results {
        fiscalYear
        current { id revision value note recordedAt }
        progress { achievementRate grade rule }
        history @include(if: $history) { id revision value note recordedAt retracted retractedReason }
      }
    }
  }
  progressGrades { grade minRate meaning }
  serviceInfo { outlookYears { baselineLabel targetLabel evidence { document line says } } }
}`;

export interface IndicatorRevision {
  readonly id: string;
  readonly revision: number;
  readonly value: number;
  readonly note: string | null;
  readonly recordedAt: string;
  readonly retracted?: boolean;
  readonly retractedReason?: string | null;
}

export interface IndicatorYear {
  readonly fiscalYear: number;
  readonly current: IndicatorRevision | null;
  readonly progress: {
    readonly achievementRate: number | null;
    readonly grade: string | null;
    readonly rule: string;
  } | null;
  /** Only when the history was asked for. */
  readonly history?: readonly IndicatorRevision[];
}

export interface IndicatorDetail {
  readonly __typename: 'Indicator';
  readonly id: string;
  readonly name: string;
  readonly definition: string | null;
  readonly unit: string | null;
  readonly direction: string;
  readonly current: number | null;
  readonly currentText: string | null;
  readonly target: number | null;
  readonly targetText: string | null;
  readonly targetBound: string | null;
  readonly targetNote: string | null;
  readonly source: { readonly document: string; readonly line: number } | null;
  readonly policyItem: {
    readonly code: string;
    readonly name: string;
    readonly field: Named & { readonly number: number };
  };
  readonly owners: readonly IndicatorOwner[];
  readonly outlook: IndicatorOutlook;
  readonly results: readonly IndicatorYear[];
}

/** A line of a document a judgement rests on, with the text it holds there. */
export interface CitedLine {
  readonly document: string;
  readonly line: number;
  readonly says: string;
}

/** A department answering for the indicator (`Indicator.owners`). */
export interface IndicatorOwner {
  readonly basis: 'MEASURE_ROW' | 'NAMED_BY_LINE' | 'BY_POLICY_ITEM';
  readonly reason: string;
  readonly department: DepartmentLabel;
  readonly measures: readonly { readonly code: string; readonly name: string }[];
  readonly evidence: readonly CitedLine[];
}

/** Will the target be met by the target year at today's pace (`Indicator.outlook`). */
export interface IndicatorOutlook {
  readonly status: string;
  /** Why it is NOT_ASSESSED; null otherwise. */
  readonly reason: string | null;
  readonly ratio: number | null;
  readonly latestValue: number | null;
  readonly latestFiscalYear: number | null;
  readonly baselineFiscalYear: number;
  readonly targetFiscalYear: number;
  readonly projectedValue: number | null;
  /** How the ratio was computed (COMPOUND_GROWTH, LINEAR_GROWTH, BOUND); null when not assessed. */
  readonly method: string | null;
  /** How projectedValue was computed (PACE_CARRIED_FORWARD, PACE_CARRIED_FORWARD_CLAMPED); null with it. */
  readonly projectionMethod: string | null;
}

export interface IndicatorData {
  /** Null when no node has the id; another type when the id names something else. */
  readonly indicator: IndicatorDetail | { readonly __typename: string } | null;
  readonly progressGrades: readonly {
    readonly grade: string;
    readonly minRate: number | null;
    readonly meaning: string;
  }[];
  readonly serviceInfo: {
    readonly outlookYears: {
      readonly baselineLabel: string;
      readonly targetLabel: string;
      readonly evidence: readonly CitedLine[];
    };
  };
}

/** Whether `node(id:)` answered an indicator (it answers any kind of node, or null). */
export function isIndicator(node: IndicatorData['indicator']): node is IndicatorDetail {
  return node !== null && node.__typename === 'Indicator';
}

/** The URL of the server's CSV of the indicator's recorded series (`/export/indicator-results.csv`). */
export function seriesCsvHref(indicatorId: string, language: 'ja' | 'en'): string {
  const parameters = new URLSearchParams({ ids: indicatorId });
  if (language === 'en') parameters.set('header', 'en');
  return `export/indicator-results.csv?${parameters.toString()}`;
}
