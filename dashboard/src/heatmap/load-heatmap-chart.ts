import type * as HeatmapChartModule from './heatmap-chart';

let loading: Promise<typeof HeatmapChartModule> | undefined;

/**
 * The chart code (ECharts, most of the view's weight) in its own chunk, fetched once. The view asks for it
 * as soon as it opens, so the download runs while the data is still on its way.
 */
export function loadHeatmapChart(): Promise<typeof HeatmapChartModule> {
  loading ??= import('./heatmap-chart');
  return loading;
}
