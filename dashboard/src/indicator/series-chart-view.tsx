import { useEffect, useRef } from 'preact/hooks';
import { reiwaLabel } from '../common/fiscal-year';
import { text, type Language } from '../common/i18n';
import { pageText } from '../common/page-texts';
import type { IndicatorDetail } from './indicator-query';
import { loadSeriesChart } from './load-series-chart';
import { boundKind, outlookPaths } from './outlook-paths';

/** The font the page uses, also for text drawn on the canvas (which does not inherit CSS). */
const FONT_FAMILY = getComputedStyle(document.documentElement).fontFamily;

/** Below this width (px) the years' Gregorian labels would run into each other. */
const NARROW_CHART = 560;

/**
 * The indicator's outlook as a chart: baseline, recorded values, the path needed to the target and the
 * projection at today's pace (outlook-paths.ts). The canvas is an image to assistive technology (its label
 * says what it shows); the outlook's words and the table beside it carry the numbers. Once drawn,
 * `data-points` holds the recorded values and `data-series` every line by its id, as ECharts itself reports
 * them (`getOption()`), so a test can tell a drawn chart from an empty box.
 */
export function SeriesChart(props: { readonly indicator: IndicatorDetail; readonly language: Language }) {
  const { indicator, language } = props;
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => void loadSeriesChart(), []);
  useEffect(() => {
    const box = element.current;
    if (box === null) return undefined;
    let disposed = false;
    let dispose = (): void => undefined;
    void loadSeriesChart().then(({ drawSeries }) => {
      if (disposed) return;
      const { years, ...lines } = outlookPaths({
        baseline: indicator.current,
        target: indicator.target,
        targetBound: indicator.targetBound,
        results: indicator.results.map((year) => ({ fiscalYear: year.fiscalYear, value: year.current?.value ?? null })),
        outlook: indicator.outlook,
      });
      const chart = drawSeries(box, {
        years: yearLabels(years, box.clientWidth),
        lines,
        names: {
          recorded: pageText(language, 'value'),
          baseline: `${text(language, 'baseline')} (${reiwaLabel(indicator.outlook.baselineFiscalYear)})`,
          needed: pageText(language, 'neededPath'),
          projection: pageText(language, 'projection'),
          bound: `${text(language, 'target')} (${boundText(language, indicator.targetBound)})`,
        },
        endLabels: {
          needed: `${text(language, 'target')} {value}`,
          projection: `${pageText(language, 'projected')} {value}`,
          bound: `${text(language, 'target')} ${indicator.targetText ?? ''}`,
        },
        unit: indicator.unit ?? '',
        fontFamily: FONT_FAMILY,
      });
      const drawn = chart.getOption() as { series?: { id?: string; data?: unknown[] }[] };
      const byId: Record<string, unknown[]> = Object.fromEntries(
        (drawn.series ?? []).map((series) => [series.id ?? '', series.data ?? []]),
      );
      box.dataset.points = JSON.stringify(byId.recorded ?? []);
      box.dataset.series = JSON.stringify({ years, ...byId });
      const onResize = (): void => {
        chart.setOption({ xAxis: { data: yearLabels(years, box.clientWidth) } });
        chart.resize();
      };
      window.addEventListener('resize', onResize);
      dispose = () => {
        window.removeEventListener('resize', onResize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [indicator, language]);
  return (
    <figure class="series-chart">
      <div ref={element} class="series-canvas" role="img" aria-label={pageText(language, 'chartLabel')} />
      <figcaption class="visually-hidden">{pageText(language, 'chartTableNote')}</figcaption>
    </figure>
  );
}

/** Era year over Gregorian year; the era year alone where the chart is too narrow for both (a phone). */
function yearLabels(years: readonly number[], width: number): string[] {
  return years.map((year) => (width < NARROW_CHART ? reiwaLabel(year) : `${reiwaLabel(year)}\n(${year})`));
}

/** What a bound asks of the value: the printed word in Japanese, `at most` or `at least` in English. */
function boundText(language: Language, bound: string | null): string {
  if (language === 'ja') return bound ?? '';
  return boundKind(bound) === 'FLOOR' ? 'at least' : 'at most';
}
