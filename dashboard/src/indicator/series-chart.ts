import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
// Each installer from its own module, not the indexes: see common/echarts-installers.d.ts.
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/installLegendPlain.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
import type { OutlookPaths } from './outlook-paths';

// Lines with their points and a legend: the parts of ECharts this needs and no more.
use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type SeriesOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** The chart's lines, by the `id` each has in the chart (and in the page's `data-series`). */
export type SeriesId = Exclude<keyof OutlookPaths, 'years'>;

export interface SeriesInput {
  /** Category labels of the fiscal years, oldest first (`R6\n(2024)`). */
  readonly years: readonly string[];
  /** One value per year for each line (null: nothing that year). */
  readonly lines: Readonly<Record<SeriesId, readonly (number | null)[]>>;
  /** Each line's name in the legend. */
  readonly names: Readonly<Record<SeriesId, string>>;
  /** Words at the end of a line, `{value}` standing for its last value with the unit (e.g. `目標値 {value}`). */
  readonly endLabels: Readonly<Partial<Record<SeriesId, string>>>;
  readonly unit: string;
  readonly fontFamily: string;
}

/** Colours and strokes: told apart by the dash as well as the hue (Okabe–Ito blue, vermilion, green). */
const STYLES: Readonly<Record<SeriesId, { readonly color: string; readonly type: 'solid' | 'dashed' | 'dotted' }>> = {
  recorded: { color: '#0b57a4', type: 'solid' },
  baseline: { color: '#595959', type: 'solid' },
  needed: { color: '#b02a0c', type: 'dashed' },
  projection: { color: '#00795a', type: 'dotted' },
  bound: { color: '#b02a0c', type: 'dashed' },
};

/**
 * Draws an indicator's outlook: the baseline (現状値) at its fiscal year, the recorded value of each year, the
 * path needed from the baseline to the target (目標値) by the target year (dashed), and where today's pace leads
 * by then (dotted); a bound (以内, 以上) is a level to keep, a dashed horizontal line. Lines without a value
 * are left out of the chart and its legend. The y axis is not forced to start at zero: the distance between
 * baseline and target is what matters; but it never runs below zero when no value is negative (a count, a
 * percentage), where a negative tick would be a value the indicator cannot take.
 */
export function drawSeries(element: HTMLElement, input: SeriesInput): ECharts {
  const chart = init(element, undefined, { renderer: 'canvas' });
  const withUnit = (value: unknown): string => `${String(value)}${input.unit}`;
  const drawn = (Object.keys(STYLES) as SeriesId[]).filter((id) => input.lines[id].some((value) => value !== null));
  // The needed path and the projection end at the same year: the higher end's words go up, the other's down,
  // so the two never print over each other.
  const end = (id: SeriesId): number => input.lines[id][input.lines[id].length - 1] ?? 0;
  const higher = end('projection') >= end('needed') ? 'projection' : 'needed';
  const noNegative = drawn.every((id) => input.lines[id].every((value) => value === null || value >= 0));
  const series: LineSeriesOption[] = drawn.map((id) => {
    const { color, type } = STYLES[id];
    const shift = id === higher ? -8 : 8;
    const words = input.endLabels[id];
    return {
      type: 'line',
      id,
      name: input.names[id],
      data: [...input.lines[id]],
      connectNulls: false,
      // The recorded values and the baseline are points with their value; the other lines are paths.
      showSymbol: id === 'recorded' || id === 'baseline',
      symbol: id === 'baseline' ? 'diamond' : 'circle',
      symbolSize: id === 'baseline' ? 13 : 9,
      z: id === 'recorded' ? 3 : 2,
      lineStyle: { width: id === 'recorded' ? 2.5 : 2, color, type },
      itemStyle: { color },
      label: { show: id === 'recorded' || id === 'baseline', position: 'top', color: '#1f1f1f' },
      endLabel:
        words === undefined
          ? undefined
          : {
              show: true,
              color,
              offset: [0, id === 'bound' ? 0 : shift],
              formatter: (params) => words.replace('{value}', withUnit((params as { value: unknown }).value)),
            },
    };
  });
  const option: SeriesOption = {
    textStyle: { fontFamily: input.fontFamily },
    animation: false,
    legend: { top: 0, left: 0, itemWidth: 28, data: drawn.map((id) => input.names[id]) },
    grid: { left: 8, right: 112, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (value === null || value === undefined ? '—' : withUnit(value)),
    },
    xAxis: { type: 'category', data: [...input.years], axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      scale: true,
      // Some room above and below every line, so no point or label sits on the frame; on a round step, so
      // the ticks are round.
      min: (extent) => {
        const floor = roundedDown(lower(extent), tickStep(extent));
        return noNegative ? Math.max(0, floor) : floor;
      },
      max: (extent) => roundedUp(upper(extent), tickStep(extent)),
      axisLabel: { formatter: `{value}${input.unit}` },
    },
    series,
  };
  chart.setOption(option);
  return chart;
}

type Extent = { readonly min: number; readonly max: number };

/** A tenth of the span of the values (1 when they are all equal). */
function margin(extent: Extent): number {
  const span = extent.max - extent.min;
  return span === 0 ? 1 : span / 10;
}

/** A round step (1, 2 or 5 times a power of ten) giving about five ticks over the span. */
function tickStep(extent: Extent): number {
  const rough = (upper(extent) - lower(extent)) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

// toPrecision drops the float noise of a decimal step (818 × 0.1 = 81.80000000000001), which would be a label.
function roundedDown(value: number, step: number): number {
  return Number((Math.floor(value / step) * step).toPrecision(12));
}

function roundedUp(value: number, step: number): number {
  return Number((Math.ceil(value / step) * step).toPrecision(12));
}

function lower(extent: Extent): number {
  return extent.min - margin(extent);
}

function upper(extent: Extent): number {
  return extent.max + margin(extent);
}
