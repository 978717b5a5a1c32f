import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// A line with its points and two marked lines: the parts of ECharts this needs and no more.
use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type SeriesOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export interface SeriesInput {
  /** Category labels of the recorded years, oldest first (`R6 (2024)`). */
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
    xAxis: { type: 'category', data: [...input.years] },
    yAxis: {
      type: 'value',
      scale: true,
      // Wide enough for the baseline and the target too, so both marked lines are always in view.
      min: (extent) => Math.min(extent.min, ...marks.map((mark) => mark.yAxis)),
      max: (extent) => Math.max(extent.max, ...marks.map((mark) => mark.yAxis)),
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
