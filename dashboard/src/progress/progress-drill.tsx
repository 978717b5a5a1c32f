import { fiscalYearLabel } from '../common/fiscal-year';
import { text, indicatorCount, type Language } from '../common/i18n';
import { StateLink } from '../common/navigation';
import { OutlookBadge, paceRatio } from '../common/outlook';
import { ExportLink } from '../common/export-link';
import type { ProgressIndicator } from './progress-query';

/**
 * The indicators behind a chosen count, in code order, each linking to its own page with the year's value and
 * achievement rate, or, counted by outlook, its outlook and latest result (`indicators` are those of the
 * overall group, looked up by the ids the count listed).
 */
export function ProgressDrill(props: {
  readonly title: string;
  readonly indicators: readonly ProgressIndicator[];
  readonly byOutlook: boolean;
  readonly language: Language;
}) {
  const { indicators, language } = props;
  return (
    <div class="progress-drill-list">
      <h3>{props.title}</h3>
      <p class="cell-count">
        <strong>{indicators.length}</strong> {indicatorCount(language, indicators.length)}
      </p>
      <ul class="measure-list">
        {indicators.map((indicator) => (
          <li key={indicator.id} data-indicator={indicator.id}>
            <StateLink patch={{ view: 'indicator', id: indicator.id }} replace>
              <span class="code">{indicator.id.replace(/^indicator:/, '')}</span> {indicator.name}
            </StateLink>
            <br />
            <small>
              {indicator.currentText ?? '—'} ▶▶ {indicator.targetText ?? '—'}
              {' · '}
              {props.byOutlook ? (
                <OutlookResult indicator={indicator} language={language} />
              ) : (
                <YearResult indicator={indicator} language={language} />
              )}
            </small>
          </li>
        ))}
      </ul>
      {indicators.length === 0 ? null : (
        <ExportLink
          kind="indicators"
          filter={{ ids: indicators.map((indicator) => indicator.id) }}
          language={language}
        />
      )}
    </div>
  );
}

function YearResult(props: { readonly indicator: ProgressIndicator; readonly language: Language }) {
  const { indicator, language } = props;
  const { progress } = indicator;
  if (progress === null) return <span class="no-result">{text(language, 'noResultYet')}</span>;
  return (
    <span class="progress">
      {text(language, 'yearValue')} {progress.value.toLocaleString(language)}
      {indicator.unit === null ? '' : ` ${indicator.unit}`}
      {progress.achievementRate === null ? null : (
        <>
          {' · '}
          {text(language, 'achievementRate')} {progress.achievementRate.toFixed(1)}%
        </>
      )}
    </span>
  );
}

function OutlookResult(props: { readonly indicator: ProgressIndicator; readonly language: Language }) {
  const { indicator, language } = props;
  const { outlook } = indicator;
  return (
    <span class="outlook-result">
      <OutlookBadge status={outlook.status} reason={outlook.reason} language={language} />
      {outlook.latestValue === null || outlook.latestFiscalYear === null ? null : (
        <>
          {' · '}
          {text(language, 'latest')} {fiscalYearLabel(outlook.latestFiscalYear)}{' '}
          {outlook.latestValue.toLocaleString(language)}
          {indicator.unit === null ? '' : ` ${indicator.unit}`}
        </>
      )}
      {outlook.ratio === null ? null : ` · ${paceRatio(language, outlook.ratio)}`}
    </span>
  );
}
