import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
// Each installer from its own module, not the indexes: see common/echarts-installers.d.ts.
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as MarkLineComponent } from 'echarts/lib/component/marker/installMarkLine.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';

// A line with its points and two marked lines: the parts of ECharts this needs and no more.
use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type SeriesOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export interface SeriesInput {
  /** Category labels of the recorded years, oldest first (`R6\n(2024)`). */
  readonly years: readonly string[];
  /** Each year's current value; null where every revision of the year was retracted. */
  readonly values: readonly (number | null)[];
  readonly baseline: { readonly value: number; readonly label: string } | null;
  readonly target: { readonly value: number; readonly label: string } | null;
  readonly seriesName: string;
  readonly unit: string;
  readonly fontFamily: string;
}

/**
 * Draws an indicator's recorded values per fiscal year as a line with points, the baseline (現状値) and the
 * target (目標値) as dashed horizontal lines, so how far each year got is seen at a glance. The y axis is
 * not forced to start at zero: the distance between baseline and target is what matters.
 */
export function drawSeries(element: HTMLElement, input: SeriesInput): ECharts {
  const chart = init(element, undefined, { renderer: 'canvas' });
  const marks = [
    input.baseline && { name: input.baseline.label, yAxis: input.baseline.value, color: '#595959' },
    input.target && { name: input.target.label, yAxis: input.target.value, color: '#b02a0c' },
  ].filter((mark) => mark !== null);
  const option: SeriesOption = {
    textStyle: { fontFamily: input.fontFamily },
    animation: false,
    grid: { left: 8, right: 96, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}${input.unit}` },
    xAxis: { type: 'category', data: [...input.years], axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      scale: true,
      // Wide enough for the baseline and the target too, so both marked lines are always in view, with some
      // room above and below so no point or label sits on the frame; on a round step, so the ticks are round.
      min: (extent) => roundedDown(lower(extent, marks), tickStep(extent, marks)),
      max: (extent) => roundedUp(upper(extent, marks), tickStep(extent, marks)),
      axisLabel: { formatter: `{value}${input.unit}` },
    },
    series: [
      {
        type: 'line',
        name: input.seriesName,
        data: [...input.values],
        connectNulls: false,
        symbolSize: 9,
        lineStyle: { width: 2, color: '#0b57a4' },
        itemStyle: { color: '#0b57a4' },
        label: { show: true, position: 'top', color: '#1f1f1f' },
        markLine: {
          symbol: 'none',
          silent: true,
          data: marks.map((mark) => ({
            name: mark.name,
            yAxis: mark.yAxis,
            lineStyle: { type: 'dashed', color: mark.color, width: 1.5 },
            label: { formatter: `{b}: ${String(mark.yAxis)}${input.unit}`, position: 'end', color: mark.color },
          })),
        },
      },
    ],
  };
  chart.setOption(option);
  return chart;
}

type Extent = { readonly min: number; readonly max: number };
type Mark = { readonly yAxis: number };

/** A tenth of the span of values and marked lines (1 when they are all equal). */
function margin(extent: Extent, marks: readonly Mark[]): number {
  const all = [extent.min, extent.max, ...marks.map((mark) => mark.yAxis)];
  const span = Math.max(...all) - Math.min(...all);
  return span === 0 ? 1 : span / 10;
}

/** A round step (1, 2 or 5 times a power of ten) giving about five ticks over the span. */
function tickStep(extent: Extent, marks: readonly Mark[]): number {
  const rough = (upper(extent, marks) - lower(extent, marks)) / 5;
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

function lower(extent: Extent, marks: readonly Mark[]): number {
  return Math.min(extent.min, ...marks.map((mark) => mark.yAxis)) - margin(extent, marks);
}

function upper(extent: Extent, marks: readonly Mark[]): number {
  return Math.max(extent.max, ...marks.map((mark) => mark.yAxis)) + margin(extent, marks);
}
