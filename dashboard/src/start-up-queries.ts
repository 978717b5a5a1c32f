import { DEPARTMENT_QUERY } from './department/department-query';
import { FIELDS_QUERY, POLICY_ITEM_QUERY } from './drilldown/drilldown-query';
import { SEARCH_QUERY } from './explorer/explorer-queries';
import { HEATMAP_QUERY } from './heatmap/heatmap-query';
import { INDICATOR_QUERY } from './indicator/indicator-query';
import { PROGRESS_QUERY } from './progress/progress-query';
import { SHEET_QUERY } from './sheet/sheet-query';

/**
 * Not part of the page: the service plans these before it says it is ready (src/web/dashboard/
 * plan-dashboard-queries.ts), so the first visitor after a deploy waits no longer than the next one. The build
 * writes them as JSON next to the bundles; this module imports the views' own query texts, so what is planned
 * is what the views send.
 */

/** Ids of one thing of each kind the views open, read from the graph the service holds. */
export const START_UP_SAMPLES_QUERY = `
query DashboardStartUpSamples {
  indicators(first: 1) { nodes { id } }
  reformSheets(first: 1) { nodes { id } }
  policyItems(first: 1) { nodes { code } }
  departments { id }
  planFiscalYears { year }
}`;

export interface StartUpSamples {
  readonly indicators: { readonly nodes: readonly { readonly id: string }[] };
  readonly reformSheets: { readonly nodes: readonly { readonly id: string }[] };
  readonly policyItems: { readonly nodes: readonly { readonly code: string }[] };
  readonly departments: readonly { readonly id: string }[];
  readonly planFiscalYears: readonly { readonly year: number }[];
}

export interface StartUpQuery {
  /** The view that sends it, for the start-up log. */
  readonly view: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * Each view's request as a first visit sends it (the variables the view fills when nothing is chosen yet,
 * and, for the views of one thing, the first such thing). Views whose statement differs with a choice (a
 * field of the heatmap, a department chosen) are listed in both forms.
 */
export function startUpQueries(samples: StartUpSamples): StartUpQuery[] {
  const indicator = samples.indicators.nodes[0]?.id;
  const sheet = samples.reformSheets.nodes[0]?.id;
  const item = samples.policyItems.nodes[0]?.code;
  const department = samples.departments[0]?.id;
  const year = samples.planFiscalYears[0]?.year;
  return [
    { view: 'heatmap', query: HEATMAP_QUERY, variables: { filtered: false } },
    { view: 'heatmap', query: HEATMAP_QUERY, variables: { field: 1, filtered: true } },
    { view: 'drilldown', query: FIELDS_QUERY, variables: {} },
    ...(item === undefined ? [] : [{ view: 'drilldown', query: POLICY_ITEM_QUERY, variables: { code: item } }]),
    ...(year === undefined ? [] : [{ view: 'progress', query: PROGRESS_QUERY, variables: { fiscalYear: year } }]),
    { view: 'department', query: DEPARTMENT_QUERY, variables: { ref: '', chosen: false, after: null } },
    ...(department === undefined
      ? []
      : [{ view: 'department', query: DEPARTMENT_QUERY, variables: { ref: department, chosen: true, after: null } }]),
    ...(indicator === undefined
      ? []
      : [
          {
            view: 'indicator',
            query: INDICATOR_QUERY,
            variables: { id: indicator, history: false },
          },
        ]),
    ...(sheet === undefined ? [] : [{ view: 'sheet', query: SHEET_QUERY, variables: { id: sheet, history: false } }]),
    { view: 'explorer', query: SEARCH_QUERY, variables: { text: '防犯' } },
  ];
}
