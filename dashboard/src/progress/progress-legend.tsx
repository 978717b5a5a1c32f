import { gradeRange, text, type Language } from '../common/i18n';
import { OUTLOOK_COLOURS, OUTLOOK_STATUSES, outlookLabel, outlookMeaning } from '../common/outlook';
import type { GradeBand } from './progress-query';
import { progressText } from './progress-texts';
import { STANDING_COLOURS, standingLabel } from './standing';

/**
 * The grade scale as the API defines it (`progressGrades`): each grade's range of achievement rates, read
 * from the bands' thresholds (a grade reaches up to the next better one's), and the two counts without a grade.
 */
export function ProgressLegend(props: { readonly bands: readonly GradeBand[]; readonly language: Language }) {
  const { bands, language } = props;
  return (
    <section class="progress-legend" aria-labelledby="progress-legend-title">
      <h3 id="progress-legend-title">{text(language, 'gradeScale')}</h3>
      <ul>
        {bands.map((band, index) => (
          <li key={band.grade} data-grade={band.grade}>
            <span class="swatch" style={{ background: STANDING_COLOURS[band.grade] }} aria-hidden="true" />
            <strong>{band.grade}</strong> {gradeRange(language, band.minRate, bands[index - 1]?.minRate ?? null)}
            {/* The reference file words the meanings in English only. */}
            {language === 'en' ? <span class="meaning"> — {band.meaning}</span> : null}
          </li>
        ))}
        {(['notGradable', 'noResult'] as const).map((standing) => (
          <li key={standing} data-standing={standing}>
            <span class="swatch" style={{ background: STANDING_COLOURS[standing] }} aria-hidden="true" />
            <strong>{standingLabel(language, standing)}</strong>{' '}
            {text(language, standing === 'noResult' ? 'noResultMeaning' : 'notGradableMeaning')}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The outlook classes (ESCAP's, as Open SDG shows them): each one's colour, words and meaning. */
export function OutlookLegend(props: { readonly language: Language }) {
  const { language } = props;
  return (
    <section class="progress-legend" aria-labelledby="progress-legend-title">
      <h3 id="progress-legend-title">{progressText(language, 'outlookScale')}</h3>
      <ul>
        {OUTLOOK_STATUSES.map((status) => (
          <li key={status} data-outlook={status}>
            <span class="swatch" style={{ background: OUTLOOK_COLOURS[status] }} aria-hidden="true" />
            <strong>{outlookLabel(language, status)}</strong> {outlookMeaning(language, status)}
          </li>
        ))}
      </ul>
    </section>
  );
}
