import type { ComponentChildren } from 'preact';
import { DepartmentLinks } from '../common/department-links';
import { fiscalYearLabel } from '../common/fiscal-year';
import { text, type Language } from '../common/i18n';
import { pageText } from '../common/page-texts';
import { SourceFact } from '../common/source-fact';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { RevisionHistory } from '../common/revision-history';
import { useQuery } from '../common/use-query';
import { SheetEvaluationSlot } from './evaluation-slot';
import { isSheet, SHEET_QUERY, type SheetData, type SheetDetail } from './sheet-query';

/**
 * A reform sheet (実施計画シート), read-only: state `id` (`reform-sheet:1-6`) and `history` (`1`: every
 * year's revisions as well). One request per state.
 */
export function SheetView() {
  const { state, language } = useNavigation();
  const id = state.id ?? '';
  const history = state.history === '1';
  const result = useQuery<SheetData>(SHEET_QUERY, { id, history });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  const { sheet } = result.data;
  if (!isSheet(sheet)) {
    return (
      <p role="alert" class="error">
        {pageText(language, 'noSheet')}: {id === '' ? '—' : id}
      </p>
    );
  }
  const detail = sheet;
  markFirstRender();
  return (
    <article aria-labelledby="sheet-title" class="record-page">
      <p class="breadcrumb">
        {detail.area.number} {detail.area.name}
      </p>
      <h2 id="sheet-title">
        <span class="code">{detail.code}</span> {detail.name}
      </h2>
      <dl class="facts">
        <dt>{pageText(language, 'viewpoint')}</dt>
        <dd>{detail.viewpoint}</dd>
        <dt>{pageText(language, 'period')}</dt>
        <dd>
          {detail.startYear.label} ({detail.startYear.year}) –{' '}
          {detail.targetYear === null ? '' : `${detail.targetYear.label} (${detail.targetYear.year})`}
        </dd>
        <dt>{pageText(language, 'executingDepartments')}</dt>
        <dd>
          <DepartmentLinks departments={detail.departments} />
          {detail.collectiveTerms.length === 0 ? null : ` ${detail.collectiveTerms.join('、')}`}
        </dd>
        {detail.partners.length + detail.partnerGroups.length === 0 ? null : (
          <>
            <dt>{pageText(language, 'partnerDepartments')}</dt>
            <dd>
              <DepartmentLinks departments={detail.partners} />
              {detail.partnerGroups.length === 0 ? null : ` ${detail.partnerGroups.join('、')}`}
            </dd>
          </>
        )}
        {detail.measures.length === 0 ? null : (
          <>
            <dt>{pageText(language, 'supportedMeasures')}</dt>
            <dd>
              <ul class="plain">
                {detail.measures.map((measure) => (
                  <li key={measure.code}>
                    <StateLink patch={{ view: 'items', item: measure.policyItem.code }} replace>
                      <span class="code">{measure.code}</span> {measure.name}
                    </StateLink>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <SourceFact language={language} source={detail.source} />
      </dl>
      <TextBlock title={pageText(language, 'currentSituation')}>{detail.currentSituation}</TextBlock>
      <TextBlock title={pageText(language, 'actions')}>{detail.actions}</TextBlock>
      <TextBlock title={pageText(language, 'effects')}>{detail.effects}</TextBlock>
      {detail.yearlyTargets.length === 0 ? null : (
        <>
          <h3>{pageText(language, 'yearlyTargets')}</h3>
          <ul class="plain">
            {detail.yearlyTargets.map((target) => (
              <li key={target.year.year}>
                {target.year.label} ({target.year.year}): {target.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <TextBlock title={pageText(language, 'notes')}>{detail.notes}</TextBlock>

      <h3>{pageText(language, 'evaluations')}</h3>
      <Evaluations sheet={detail} language={language} />
      {detail.evaluations.length === 0 ? null : (
        <p class="actions">
          <StateLink patch={{ history: history ? undefined : '1' }}>
            {pageText(language, history ? 'hideHistory' : 'showHistory')}
          </StateLink>
        </p>
      )}
      {history ? (
        <RevisionHistory
          years={detail.evaluations}
          language={language}
          columns={[
            { header: text(language, 'grade'), cell: (revision) => revision.grade },
            { header: pageText(language, 'summary'), cell: (revision) => revision.summary },
          ]}
        />
      ) : null}
      <div id="record-panel">
        <SheetEvaluationSlot sheet={detail} />
      </div>
    </article>
  );
}

function Evaluations(props: { readonly sheet: SheetDetail; readonly language: Language }) {
  const { sheet, language } = props;
  if (sheet.evaluations.length === 0) return <p class="no-result">{pageText(language, 'noEvaluations')}</p>;
  return (
    <div class="scroll-x">
      <table class="results">
        <thead>
          <tr>
            <th scope="col">{pageText(language, 'fiscalYear')}</th>
            <th scope="col">{text(language, 'grade')}</th>
            <th scope="col">{pageText(language, 'summary')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.evaluations.map((year) => (
            <tr key={year.fiscalYear} data-fiscal-year={year.fiscalYear}>
              <th scope="row">{fiscalYearLabel(year.fiscalYear)}</th>
              {year.current === null ? (
                <td colSpan={2} class="no-result">
                  {pageText(language, 'allRetracted')}
                </td>
              ) : (
                <>
                  <td>
                    <span class="grade" data-grade={year.current.grade}>
                      {year.current.grade}
                    </span>
                  </td>
                  <td>{year.current.summary}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A paragraph of the sheet as written (line breaks kept); nothing when the sheet leaves it empty. */
function TextBlock(props: { readonly title: string; readonly children: ComponentChildren }) {
  if (props.children === null || props.children === undefined || props.children === '') return null;
  return (
    <>
      <h3>{props.title}</h3>
      <p class="sheet-text">{props.children}</p>
    </>
  );
}
