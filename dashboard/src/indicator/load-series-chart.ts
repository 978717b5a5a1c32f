import type * as SeriesChartModule from './series-chart';

let loading: Promise<typeof SeriesChartModule> | undefined;

/**
 * The chart code (ECharts) in its own chunk, fetched once; the page asks for it as it opens, so the download
 * runs while the data is on its way. It shares ECharts' core chunk with the heatmap.
 */
export function loadSeriesChart(): Promise<typeof SeriesChartModule> {
  loading ??= import('./series-chart');
  return loading;
}
