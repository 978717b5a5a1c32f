import { compareDepartments, inDepartmentOrder } from '../common/department-order';
import { Grade } from '../common/grade';
import { nameIn, text, type Language } from '../common/i18n';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { SdgBadge } from '../common/sdg-badge';
import { StatusBadge } from '../common/status-badge';
import { useQuery } from '../common/use-query';
import { DEPARTMENT_QUERY, type DepartmentData } from './department-query';

/** A department's page: state `dept` (its id). */
export function DepartmentView() {
  const { state, language, navigate } = useNavigation();
  const chosen = state.dept ?? '';
  const result = useQuery<DepartmentData>(DEPARTMENT_QUERY, { ref: chosen, chosen: chosen !== '' });
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
      {department == null ? null : <DepartmentDetail department={department} language={language} />}
    </section>
  );
}

function DepartmentDetail(props: {
  readonly department: NonNullable<DepartmentData['department']>;
  readonly language: Language;
}) {
  const { department, language } = props;
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
          {text(language, 'measures')} ({department.measures.length})
        </h3>
        <ul class="measure-list">
          {department.measures.map((measure) => (
            <li key={measure.code} data-code={measure.code}>
              <StateLink patch={{ view: 'items', item: measure.policyItem.code }} replace>
                <span class="code">{measure.code}</span> {measure.name}
              </StateLink>{' '}
              <StatusBadge status={measure.status} language={language} />{' '}
              {measure.sdgs.map((sdg) => (
                <SdgBadge key={sdg.number} sdg={sdg} language={language} />
              ))}
              <MeasureIndicator measure={measure} language={language} />
            </li>
          ))}
        </ul>
      </section>
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

type DepartmentMeasure = NonNullable<DepartmentData['department']>['measures'][number];

/** The measure's outcome indicator (same code), as a link to its page; nothing when the measure has none. */
function MeasureIndicator(props: { readonly measure: DepartmentMeasure; readonly language: Language }) {
  const indicator = props.measure.policyItem.indicators.find((i) => i.id === `indicator:${props.measure.code}`);
  if (indicator === undefined) return null;
  return (
    <div class="measure-indicator">
      {text(props.language, 'indicator')}:{' '}
      <StateLink patch={{ view: 'indicator', id: indicator.id }} replace>
        {indicator.name}
      </StateLink>
    </div>
  );
}
