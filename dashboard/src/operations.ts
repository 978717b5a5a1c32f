import { LIVE_SUBSCRIPTION } from './common/live-data-version';
import { sentText } from './common/sent-text';
import { DEPARTMENT_QUERY } from './department/department-query';
import { FIELDS_QUERY, POLICY_ITEM_QUERY } from './drilldown/drilldown-query';
import { MOST_NODES_PER_REQUEST, PATHS_QUERY, SEARCH_QUERY, neighboursQuery } from './explorer/explorer-queries';
import { HEATMAP_QUERY } from './heatmap/heatmap-query';
import { INDICATOR_QUERY } from './indicator/indicator-query';
import { PROGRESS_QUERY } from './progress/progress-query';
import { RECORD_EVALUATION, RECORD_RESULT, RETRACT } from './records/record-mutations';
import { RECORD_KINDS, recordBaseQuery, type RecordKind } from './records/year-base';
import { SHEET_QUERY } from './sheet/sheet-query';

/**
 * Not part of the page: every operation the page can send, as it sends it (sent-operation.ts), for the build to
 * list in the manifest of trusted documents (src/web/trusted-documents/). A text the page sends that is not here
 * is refused by a service running that manifest: a unit test holds this list to every operation named in the
 * dashboard's sources, and the browser test runs the dashboard against the manifest.
 */
export function dashboardOperations(): string[] {
  const neighbourCounts = Array.from({ length: MOST_NODES_PER_REQUEST + 1 }, (_unused, count) => count);
  return [
    HEATMAP_QUERY,
    FIELDS_QUERY,
    POLICY_ITEM_QUERY,
    PROGRESS_QUERY,
    DEPARTMENT_QUERY,
    INDICATOR_QUERY,
    SHEET_QUERY,
    SEARCH_QUERY,
    PATHS_QUERY,
    ...neighbourCounts.map((count) => neighboursQuery(Array.from({ length: count }, () => ''))),
    ...(Object.keys(RECORD_KINDS) as RecordKind[]).map(recordBaseQuery),
    RECORD_RESULT,
    RECORD_EVALUATION,
    RETRACT,
    LIVE_SUBSCRIPTION,
  ].map(sentText);
}
