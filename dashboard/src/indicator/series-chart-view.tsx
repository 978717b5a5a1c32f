import { useEffect, useRef } from 'preact/hooks';
import { reiwaLabel } from '../common/fiscal-year';
import { text, type Language } from '../common/i18n';
import { pageText } from '../common/page-texts';
import type { IndicatorDetail } from './indicator-query';
import { loadSeriesChart } from './load-series-chart';

/** The font the page uses, also for text drawn on the canvas (which does not inherit CSS). */
const FONT_FAMILY = getComputedStyle(document.documentElement).fontFamily;

/**
 * The recorded values as a chart. The canvas is an image to assistive technology (its label says what it
 * shows); the table beside it carries the same numbers. Once drawn, `data-points` holds the values as
 * ECharts itself reports them (`getOption()`), so a test can tell a drawn chart from an empty box.
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
      const chart = drawSeries(box, {
        // Era year over Gregorian year, so every year's label fits under its point even on a phone.
        years: indicator.results.map((year) => `${reiwaLabel(year.fiscalYear)}\n(${year.fiscalYear})`),
        values: indicator.results.map((year) => year.current?.value ?? null),
        baseline: indicator.current === null ? null : { value: indicator.current, label: text(language, 'baseline') },
        target: indicator.target === null ? null : { value: indicator.target, label: text(language, 'target') },
        seriesName: pageText(language, 'value'),
        unit: indicator.unit ?? '',
        fontFamily: FONT_FAMILY,
      });
      const drawn = chart.getOption() as { series?: { data?: unknown[] }[] };
      box.dataset.points = JSON.stringify(drawn.series?.[0]?.data ?? []);
      const onResize = (): void => chart.resize();
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
