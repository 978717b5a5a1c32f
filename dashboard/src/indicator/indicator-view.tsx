import { DepartmentLinks } from '../common/department-links';
import { fiscalYearLabel } from '../common/fiscal-year';
import { nameIn, text, type Language } from '../common/i18n';
import { OutlookBadge, outlookMeaning, outlookReason, paceRatio } from '../common/outlook';
import { isPageTextKey, pageText } from '../common/page-texts';
import { SourceFact } from '../common/source-fact';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { RevisionHistory } from '../common/revision-history';
import { useQuery } from '../common/use-query';
import {
  INDICATOR_QUERY,
  isIndicator,
  seriesCsvHref,
  type IndicatorData,
  type CitedLine,
  type IndicatorDetail,
  type IndicatorYear,
} from './indicator-query';
import { IndicatorRecordSlot } from './record-slot';
import { SeriesChart } from './series-chart-view';

/** A number as the language writes it (thousands separators), with the indicator's unit. */
export function withUnit(value: number, unit: string | null, language: Language): string {
  return `${value.toLocaleString(language === 'en' ? 'en' : 'ja')}${unit ?? ''}`;
}

/**
 * One indicator over the plan period: state `id` (its readable id, `indicator:5-1-1`) and `history` (`1`:
 * every year's revisions as well). One request per state.
 */
export function IndicatorView() {
  const { state, language } = useNavigation();
  const id = state.id ?? '';
  const history = state.history === '1';
  const result = useQuery<IndicatorData>(INDICATOR_QUERY, { id, history });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  const { indicator, progressGrades, serviceInfo } = result.data;
  if (!isIndicator(indicator)) {
    return (
      <p role="alert" class="error">
        {pageText(language, 'noIndicator')}: {id === '' ? '—' : id}
      </p>
    );
  }
  const detail = indicator;
  const owners = detail.owners.map((owner) => owner.department);
  markFirstRender();
  return (
    <article aria-labelledby="indicator-title" class="record-page">
      <p class="breadcrumb">
        {text(language, 'field')} {detail.policyItem.field.number} {nameIn(language, detail.policyItem.field)} ›{' '}
        <StateLink patch={{ view: 'items', item: detail.policyItem.code }} replace>
          <span class="code">{detail.policyItem.code}</span> {detail.policyItem.name}
        </StateLink>
      </p>
      <h2 id="indicator-title">
        <span class="code">{detail.id.replace(/^indicator:/, '')}</span> {detail.name}
      </h2>
      <dl class="facts">
        {detail.definition === null ? null : (
          <>
            <dt>{pageText(language, 'definition')}</dt>
            <dd>{detail.definition}</dd>
          </>
        )}
        <dt>{pageText(language, 'unit')}</dt>
        <dd>{detail.unit ?? '—'}</dd>
        <dt>{pageText(language, 'direction')}</dt>
        <dd data-direction={detail.direction}>{directionText(language, detail.direction)}</dd>
        <dt>{text(language, 'baseline')}</dt>
        <dd data-baseline={detail.current ?? ''}>
          {detail.currentText ?? '—'} <small>({pageText(language, 'baselineWhen')})</small>
        </dd>
        <dt>{text(language, 'target')}</dt>
        <dd data-target={detail.target ?? ''}>
          {detail.targetText ?? '—'}
          {detail.targetNote === null ? null : ` (${detail.targetNote})`}{' '}
          <small>({pageText(language, 'targetWhen')})</small>
        </dd>
        <dt>{text(language, 'departments')}</dt>
        <dd class="owners">
          <DepartmentLinks departments={owners} />
          <OwnerEvidence indicator={detail} language={language} />
        </dd>
        <dt>{pageText(language, 'yearsEvidence')}</dt>
        <dd class="years-evidence">
          <details>
            <summary>
              {serviceInfo.outlookYears.baselineLabel} → {serviceInfo.outlookYears.targetLabel}
            </summary>
            <p>{pageText(language, 'yearsEvidenceLead')}</p>
            <CitedLines lines={serviceInfo.outlookYears.evidence} />
          </details>
        </dd>
        <SourceFact language={language} source={detail.source} />
      </dl>

      <h3>{pageText(language, 'recordedYears')}</h3>
      <OutlookSummary indicator={detail} language={language} />
      {/* The chart draws the path to the target even before any result is recorded. */}
      {detail.results.length === 0 && detail.current === null && detail.target === null ? null : (
        <SeriesChart indicator={detail} language={language} />
      )}
      {detail.results.length === 0 ? (
        <p class="no-result">{pageText(language, 'noResults')}</p>
      ) : (
        <ResultTable indicator={detail} language={language} />
      )}
      <p class="actions">
        <a href={seriesCsvHref(detail.id, language)} download class="download">
          {pageText(language, 'downloadCsv')}
        </a>{' '}
        {detail.results.length === 0 ? null : (
          <StateLink patch={{ history: history ? undefined : '1' }}>
            {pageText(language, history ? 'hideHistory' : 'showHistory')}
          </StateLink>
        )}
      </p>
      {history ? (
        <RevisionHistory
          years={detail.results}
          language={language}
          columns={[
            {
              header: pageText(language, 'value'),
              cell: (revision) => withUnit(revision.value, detail.unit, language),
            },
            { header: pageText(language, 'note'), cell: (revision) => revision.note ?? '' },
          ]}
        />
      ) : null}
      <div id="record-panel">
        <IndicatorRecordSlot indicator={detail} departments={owners} />
      </div>

      <h3>{pageText(language, 'gradeScale')}</h3>
      <ul class="grade-scale">
        {progressGrades.map((band) => (
          <li key={band.grade}>
            <span class="grade" data-grade={band.grade}>
              {band.grade}
            </span>{' '}
            {band.minRate === null ? '' : `≥ ${band.minRate}%`} <small>{gradeMeaning(language, band)}</small>
          </li>
        ))}
      </ul>
    </article>
  );
}

/**
 * The outlook in words, beside the chart: its status (colour and label), the pace ratio and the projected
 * value when the API measured a pace, the status's meaning, or why there is no outlook.
 */
function OutlookSummary(props: { readonly indicator: IndicatorDetail; readonly language: Language }) {
  const { indicator, language } = props;
  const { outlook, unit } = indicator;
  return (
    <div class="outlook" data-outlook-status={outlook.status} data-outlook-reason={outlook.reason ?? undefined}>
      <p>
        <strong>
          {pageText(language, 'outlook')} {fiscalYearLabel(outlook.targetFiscalYear)}
        </strong>{' '}
        <OutlookBadge status={outlook.status} reason={outlook.reason} language={language} />
        {outlook.latestValue === null || outlook.latestFiscalYear === null ? null : (
          <span class="outlook-latest">
            {' · '}
            {text(language, 'latest')} {fiscalYearLabel(outlook.latestFiscalYear)}{' '}
            {withUnit(outlook.latestValue, unit, language)}
          </span>
        )}
        {outlook.ratio === null ? null : <span class="outlook-ratio"> · {paceRatio(language, outlook.ratio)}</span>}
        {outlook.projectedValue === null ? null : (
          <span class="outlook-projected">
            {' · '}
            {pageText(language, 'projected')} {withUnit(outlook.projectedValue, unit, language)}
          </span>
        )}
      </p>
      <p class="outlook-meaning">
        {outlook.reason === null ? outlookMeaning(language, outlook.status) : outlookReason(language, outlook.reason)}
      </p>
      {outlook.method === null ? null : (
        <p class="outlook-method" data-method={outlook.method} data-projection-method={outlook.projectionMethod ?? ''}>
          <small>
            {codedText(language, 'method', outlook.method)}
            {outlook.projectionMethod === null
              ? null
              : ` · ${codedText(language, 'projection', outlook.projectionMethod)}`}
          </small>
        </p>
      )}
    </div>
  );
}

/** A coded value's words (`method` + `COMPOUND_GROWTH`); the code itself should a new one appear. */
function codedText(language: Language, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isPageTextKey(key) ? pageText(language, key) : code;
}

/** How the departments answering for the indicator were decided, with the lines a judgement rests on. */
function OwnerEvidence(props: { readonly indicator: IndicatorDetail; readonly language: Language }) {
  const { indicator, language } = props;
  const [first] = indicator.owners;
  if (first === undefined) return null;
  const measures = [...new Map(indicator.owners.flatMap((o) => o.measures).map((m) => [m.code, m])).values()];
  const evidence = first.evidence;
  return (
    <details class="owner-evidence" data-basis={first.basis}>
      <summary>
        {pageText(language, 'ownerEvidence')}: {codedText(language, 'ownerBasis', first.basis)}
      </summary>
      <p>
        {measures.map((m) => (
          <span key={m.code} class="owner-measure">
            <span class="code">{m.code}</span> {m.name}{' '}
          </span>
        ))}
      </p>
      <p>{first.reason}</p>
      {evidence.length === 0 ? null : <CitedLines lines={evidence} />}
    </details>
  );
}

/** Document lines with the text they hold, as cited by the reference files. */
function CitedLines(props: { readonly lines: readonly CitedLine[] }) {
  return (
    <ul class="cited-lines">
      {props.lines.map((line) => (
        <li key={`${line.document}:${line.line}`}>
          <span class="code">
            {line.document}:{line.line}
          </span>{' '}
          「{line.says.replace(/\t/g, ' ')}」
        </li>
      ))}
    </ul>
  );
}

/** The series as a table: the chart's accessible twin, and where the rates and grades are read exactly. */
function ResultTable(props: { readonly indicator: IndicatorDetail; readonly language: Language }) {
  const { indicator, language } = props;
  return (
    <div class="scroll-x">
      <table class="results">
        <caption class="visually-hidden">{pageText(language, 'recordedYears')}</caption>
        <thead>
          <tr>
            <th scope="col">{pageText(language, 'fiscalYear')}</th>
            <th scope="col">{pageText(language, 'value')}</th>
            <th scope="col">{pageText(language, 'achievementRate')}</th>
            <th scope="col">{text(language, 'grade')}</th>
            <th scope="col">{pageText(language, 'note')}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.results.map((year) => (
            <ResultRow key={year.fiscalYear} year={year} unit={indicator.unit} language={language} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResultRow(props: { readonly year: IndicatorYear; readonly unit: string | null; readonly language: Language }) {
  const { year, unit, language } = props;
  const { current, progress } = year;
  return (
    <tr data-fiscal-year={year.fiscalYear}>
      <th scope="row">{fiscalYearLabel(year.fiscalYear)}</th>
      {current === null ? (
        <td colSpan={4} class="no-result">
          {pageText(language, 'allRetracted')}
        </td>
      ) : (
        <>
          <td class="value">{withUnit(current.value, unit, language)}</td>
          <td class="rate">
            {progress?.achievementRate == null ? (
              <span class="grade-none">{text(language, 'notGradable')}</span>
            ) : (
              `${progress.achievementRate.toFixed(1)}%`
            )}
          </td>
          <td>
            {progress?.grade == null ? (
              '—'
            ) : (
              <span class="grade" data-grade={progress.grade}>
                {progress.grade}
              </span>
            )}
          </td>
          <td>{current.note ?? ''}</td>
        </>
      )}
    </tr>
  );
}

/** The grade's meaning: the API's own words in English, the dashboard's translation in Japanese. */
function gradeMeaning(language: Language, band: { readonly grade: string; readonly meaning: string }): string {
  const key = `gradeMeaning${band.grade}`;
  return language === 'en' || !isPageTextKey(key) ? band.meaning : pageText(language, key);
}

/** Which way the indicator should move, in words; the API's enum value should a new one appear. */
function directionText(language: Language, direction: string): string {
  const key = `direction${direction}`;
  return isPageTextKey(key) ? pageText(language, key) : direction;
}
