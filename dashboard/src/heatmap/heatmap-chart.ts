import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
// Each installer from its own module, not the indexes: see common/echarts-installers.d.ts.
import { install as HeatmapChart } from 'echarts/lib/chart/heatmap/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as VisualMapPiecewiseComponent } from 'echarts/lib/component/visualMap/installVisualMapPiecewise.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';

// Only the pieces a heatmap needs, so the chunk stays a fraction of the full library: the stepped (piecewise)
// visual map alone, not the continuous one as well (3.7 KB less of the first visit, brotli).
use([HeatmapChart, GridComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

type HeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface HeatmapInput {
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  /** Column SDGs, left to right: number, official colour, and whether the documents link any measure to it. */
  readonly columns: readonly {
    readonly number: number;
    readonly color: string;
    readonly title: string;
    readonly uncovered: boolean;
  }[];
  /** counts[row][column]; 0 is a gap. */
  readonly counts: readonly (readonly number[])[];
  readonly selected: { readonly row: number; readonly column: number } | null;
  readonly fontFamily: string;
  /** Legend text for cells without any measure. */
  readonly gapLabel: string;
  /** Legend and tooltip text for the columns of SDGs the documents link nothing to. */
  readonly uncoveredLabel: string;
}

const GAP_COLOUR = '#f0f0f0';
/** The value of a cell in an SDG's column that the documents leave out: no data, which is not a gap. */
const NOT_IN_DOCUMENTS = -1;

/**
 * Draws (or redraws) the matrix in `element` and calls `onSelect` with the row and column of a clicked cell.
 * Gaps are drawn as pale cells rather than left out, because the gaps are what the view is for.
 */
export function drawHeatmap(
  element: HTMLElement,
  input: HeatmapInput,
  onSelect: (row: number, column: number) => void,
): ECharts {
  const chart = init(element, undefined, { renderer: 'canvas' });
  const data = input.counts.flatMap((row, rowIndex) =>
    row.map((count, column) => ({
      value: [column, rowIndex, input.columns[column]?.uncovered === true ? NOT_IN_DOCUMENTS : count],
      // Dark text on the pale steps, white on the dark ones, for contrast either way.
      label: { color: count >= 2 ? '#fff' : '#1f1f1f' },
    })),
  );
  const rich = Object.fromEntries(
    input.columns.map((column) => [
      `sdg${column.number}`,
      { backgroundColor: column.color, color: '#fff', fontWeight: 'bold' as const, padding: [3, 4], borderRadius: 2 },
    ]),
  );
  const option: HeatmapOption = {
    textStyle: { fontFamily: input.fontFamily },
    animation: false,
    grid: { left: 8, right: 8, top: 34, bottom: 48, containLabel: true },
    tooltip: {
      formatter: (params) => {
        const [column, row, count] = (params as unknown as { value: [number, number, number] }).value;
        const sdg = input.columns[column];
        const shown = count === NOT_IN_DOCUMENTS ? input.uncoveredLabel : String(count);
        return `${input.rows[row] ?? ''} × SDG ${sdg?.number ?? ''} ${sdg?.title ?? ''}: ${shown}`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.columns.map((column) => String(column.number)),
      axisLabel: { formatter: (value: string) => `{sdg${value}|${value}}`, rich, interval: 0 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...input.rows],
      axisLabel: { interval: 0, fontSize: 12 },
    },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      // Steps rather than a gradient, so a count can be read off the legend; gaps get their own pale grey.
      pieces: [
        // Not a step of the scale: a pale warm ground, and each cell marked with a dash (the label below).
        { value: NOT_IN_DOCUMENTS, color: '#fbf3e4', label: input.uncoveredLabel },
        { value: 0, color: GAP_COLOUR, label: input.gapLabel },
        { min: 1, max: 1, color: '#c6dbef', label: '1' },
        { min: 2, max: 3, color: '#6baed6', label: '2–3' },
        { min: 4, max: 6, color: '#2171b5', label: '4–6' },
        { min: 7, color: '#08306b', label: '7+' },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (params) => {
            const count = (params.value as [number, number, number])[2];
            if (count === NOT_IN_DOCUMENTS) return '—';
            return count === 0 ? '' : String(count);
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#d4380d', borderWidth: 2 } },
      },
    ],
  };
  chart.setOption(option);
  if (input.selected !== null) {
    chart.dispatchAction({
      type: 'highlight',
      seriesIndex: 0,
      dataIndex: input.selected.row * input.columns.length + input.selected.column,
    });
  }
  chart.on('click', (params) => {
    const [column, row] = params.value as [number, number, number];
    onSelect(row, column);
  });
  return chart;
}
