import { compareDepartments, inDepartmentOrder } from '../common/department-order';
import { Grade } from '../common/grade';
import { nameIn, rangeShown, text, type Language } from '../common/i18n';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { SdgBadge } from '../common/sdg-badge';
import { StatusBadge } from '../common/status-badge';
import { useState } from 'preact/hooks';
import { useQuery } from '../common/use-query';
import { OutlookBadge } from '../common/outlook';
import { ExportLink } from '../common/export-link';
import { DEPARTMENT_QUERY, MEASURES_PER_PAGE, type DepartmentData, type OwnedIndicator } from './department-query';

/** Where the shown page of a department's measures starts: after `after`, counted from `offset`. */
interface MeasuresPage {
  readonly dept: string;
  readonly after: string;
  readonly offset: number;
}

/** A department's page: state `dept` (its id). */
export function DepartmentView() {
  const { state, language, navigate } = useNavigation();
  const chosen = state.dept ?? '';
  // The page follows the department: another one starts from its first page.
  const [shown, setShown] = useState<MeasuresPage | null>(null);
  const page = shown?.dept === chosen ? shown : null;
  const result = useQuery<DepartmentData>(DEPARTMENT_QUERY, {
    ref: chosen,
    chosen: chosen !== '',
    after: page?.after ?? null,
  });
  if (result.status !== 'done') return <QueryStatus state={result} />;
  const { departments, department } = result.data;
  markFirstRender();
  return (
    <section aria-labelledby="department-title">
      <h2 id="department-title">{department == null ? text(language, 'department') : nameIn(language, department)}</h2>
      <label class="filter">
        {text(language, 'chooseDepartment')}{' '}
        <select value={chosen} onChange={(event) => navigate({ dept: event.currentTarget.value })}>
          <option value="">—</option>
          {inDepartmentOrder(language, departments).map((option) => (
            <option key={option.id} value={option.id}>
              {nameIn(language, option)}
            </option>
          ))}
        </select>
      </label>
      {department == null ? null : (
        <DepartmentDetail
          department={department}
          language={language}
          offset={page?.offset ?? 0}
          onPage={(after, offset) => setShown(after === null ? null : { dept: chosen, after, offset })}
        />
      )}
    </section>
  );
}

function DepartmentDetail(props: {
  readonly department: NonNullable<DepartmentData['department']>;
  readonly language: Language;
  /** How many measures come before the shown page. */
  readonly offset: number;
  /** Shows the page after `after` (null: the first), which starts at `offset`. */
  readonly onPage: (after: string | null, offset: number) => void;
}) {
  const { department, language, offset, onPage } = props;
  const { measures } = department;
  // Most shared first, as the API ranks them; ties in the language's department order rather than by id.
  const byDepartment = compareDepartments(language);
  const collaborators = [...department.collaborators].sort(
    (a, b) =>
      b.sharedMeasures + b.sharedReformSheets - (a.sharedMeasures + a.sharedReformSheets) ||
      byDepartment(a.department, b.department),
  );
  return (
    <div class="department-grid">
      <section aria-labelledby="department-measures">
        <h3 id="department-measures">
          {text(language, 'measures')} ({measures.totalCount})
        </h3>
        <ul class="measure-list">
          {measures.nodes.map((measure) => (
            <li key={measure.code} data-code={measure.code}>
              <StateLink patch={{ view: 'items', item: measure.policyItem.code }} replace>
                <span class="code">{measure.code}</span> {measure.name}
              </StateLink>{' '}
              <StatusBadge status={measure.status} language={language} />{' '}
              {measure.sdgs.map((sdg) => (
                <SdgBadge key={sdg.number} sdg={sdg} language={language} />
              ))}
            </li>
          ))}
        </ul>
        <MeasuresPager measures={measures} language={language} offset={offset} onPage={onPage} />
      </section>
      <OwnedIndicators departmentId={department.id} indicators={department.indicators} language={language} />
      <SheetList title={text(language, 'executes')} sheets={department.executing} language={language} />
      <SheetList title={text(language, 'partners')} sheets={department.partnering} language={language} />
      <section aria-labelledby="department-collaborators">
        <h3 id="department-collaborators">{text(language, 'collaborators')}</h3>
        <div class="scroll-x">
          <table>
            <thead>
              <tr>
                <th scope="col">{text(language, 'department')}</th>
                <th scope="col">{text(language, 'sharedMeasures')}</th>
                <th scope="col">{text(language, 'sharedSheets')}</th>
              </tr>
            </thead>
            <tbody>
              {collaborators.map((collaboration) => (
                <tr key={collaboration.department.id}>
                  <th scope="row">
                    <StateLink patch={{ dept: collaboration.department.id }}>
                      {nameIn(language, collaboration.department)}
                    </StateLink>
                  </th>
                  <td>{collaboration.sharedMeasures}</td>
                  <td>{collaboration.sharedReformSheets}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function SheetList(props: {
  readonly title: string;
  readonly sheets: readonly { readonly code: string; readonly name: string; readonly evaluation: string | null }[];
  readonly language: Language;
}) {
  return (
    <section>
      <h3>
        {props.title} ({props.sheets.length})
      </h3>
      {props.sheets.length === 0 ? (
        <p>{text(props.language, 'none')}</p>
      ) : (
        <ul>
          {props.sheets.map((sheet) => (
            <li key={sheet.code}>
              <StateLink patch={{ view: 'sheet', id: `reform-sheet:${sheet.code}` }} replace>
                <span class="code">{sheet.code}</span> {sheet.name}
              </StateLink>{' '}
              <Grade evaluation={sheet.evaluation} language={props.language} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Which measures are shown of how many (`13件中 11–13件目`), and the way on: the next page while there is
 * one, and back to the first from any later page. Nothing when every measure fits on one page.
 */
function MeasuresPager(props: {
  readonly measures: NonNullable<DepartmentData['department']>['measures'];
  readonly language: Language;
  readonly offset: number;
  readonly onPage: (after: string | null, offset: number) => void;
}) {
  const { measures, language, offset, onPage } = props;
  const { hasNextPage, endCursor } = measures.pageInfo;
  if (offset === 0 && !hasNextPage) return null;
  const last = offset + measures.nodes.length;
  return (
    <p class="pager">
      <span class="pager-range">{rangeShown(language, offset + 1, last, measures.totalCount)}</span>{' '}
      {offset === 0 ? null : (
        <button type="button" onClick={() => onPage(null, 0)}>
          {text(language, 'firstPage')}
        </button>
      )}{' '}
      {hasNextPage && endCursor !== null ? (
        <button type="button" onClick={() => onPage(endCursor, offset + MEASURES_PER_PAGE)}>
          {text(language, 'nextPage')}
        </button>
      ) : null}
    </p>
  );
}

/**
 * The indicators the department answers for (Indicator.owners), each with its outlook and how its ownership
 * was decided, and a download of the same list with owners, years and outlooks (the indicators export).
 */
function OwnedIndicators(props: {
  readonly departmentId: string;
  readonly indicators: readonly OwnedIndicator[];
  readonly language: Language;
}) {
  const { departmentId, indicators, language } = props;
  return (
    <section aria-labelledby="department-indicators">
      <h3 id="department-indicators">
        {text(language, 'ownedIndicators')} ({indicators.length})
      </h3>
      {indicators.length === 0 ? (
        <p>{text(language, 'none')}</p>
      ) : (
        <>
          <ul class="department-indicators">
            {indicators.map((indicator) => {
              const basis = indicator.owners.find((owner) => owner.department.id === departmentId)?.basis;
              return (
                <li key={indicator.id} data-id={indicator.id}>
                  <StateLink patch={{ view: 'indicator', id: indicator.id }} replace>
                    <span class="code">{indicator.id.replace(/^indicator:/, '')}</span> {indicator.name}
                  </StateLink>{' '}
                  <OutlookBadge
                    status={indicator.outlook.status}
                    reason={indicator.outlook.reason}
                    language={language}
                  />{' '}
                  {basis === undefined ? null : (
                    <small class="owner-basis" data-basis={basis}>
                      {text(
                        language,
                        `basis${basis === 'NAMED_BY_LINE' || basis === 'BY_POLICY_ITEM' ? basis : 'MEASURE_ROW'}`,
                      )}
                    </small>
                  )}
                </li>
              );
            })}
          </ul>
          <ExportLink kind="indicators" filter={{ department: departmentId }} language={language} />
        </>
      )}
    </section>
  );
}
