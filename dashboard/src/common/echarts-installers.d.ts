/**
 * The ECharts installers the charts import one by one, from their own modules rather than the `echarts/charts`
 * and `echarts/components` indexes. esbuild puts a module reachable from two lazy chunks into a chunk both
 * load, and an index reaches every chart: imported by the heatmap and the indicator chart alike, it pulled the
 * line chart into the heatmap's download and the heatmap into the indicator's. Each installer is what
 * `use()` takes, a function of ECharts' registers; ECharts ships no declarations for these paths.
 */

declare module 'echarts/lib/chart/heatmap/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/chart/line/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/grid/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/tooltip/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/legend/installLegendPlain.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/visualMap/installVisualMapPiecewise.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/renderer/installCanvasRenderer.js' {
  export function install(registers: unknown): void;
}
