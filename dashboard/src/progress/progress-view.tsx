import { useMemo } from 'preact/hooks';
import { inDepartmentOrder } from '../common/department-order';
import { fiscalYearLabel, nameIn, text } from '../common/i18n';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { useQuery } from '../common/use-query';
import { ProgressDrill } from './progress-drill';
import { OutlookLegend, ProgressLegend } from './progress-legend';
import { PROGRESS_QUERY, type ProgressData, type ProgressIndicator } from './progress-query';
import { ProgressTable, type ProgressRow } from './progress-table';
import { progressText } from './progress-texts';
import { BY_GRADE, BY_OUTLOOK } from './standing';

/** The fiscal year (April to March) today falls in, by the browser's clock: the year shown when none is chosen. */
function currentFiscalYear(now: Date = new Date()): number {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

/**
 * Progress overview: how many outcome indicators are in each grade, cannot be graded, or have no result yet
 * in a plan-period year, or (state `by=outlook`) have each outlook by the target year, per field, department
 * and SDG. State `fy` (the year), and the chosen count: `grade` (a grade, `notGradable` or `noResult`) or
 * `outlook` (a status) with `field` (a field number), `dept` (a department id) or `sdg` (an SDG number), or
 * none of them for all indicators. Fields and SDGs the documents give no indicators are listed as such. The
 * one request holds every count's indicators, so choosing a count or a way of counting costs none.
 */
export function ProgressView() {
  const { state, language, navigate } = useNavigation();
  const requestedYear = Number(state.fy);
  const fiscalYear = Number.isInteger(requestedYear) ? requestedYear : currentFiscalYear();
  const result = useQuery<ProgressData>(PROGRESS_QUERY, { fiscalYear });
  const data = result.status === 'done' ? result.data : undefined;

  const rows = useMemo(() => {
    if (data === undefined) return null;
    const { overall, fields, departments, sdgs } = data.progressSummary;
    const { coverage } = data.serviceInfo;
    // Every field, in number order: those without indicators in the documents too, as such.
    const fieldRows: ProgressRow[] = coverage.fields.map(({ field }) => ({
      key: `field:${field.number}`,
      label: `${field.number} ${nameIn(language, field)}`,
      patch: { field: String(field.number), dept: undefined, sdg: undefined },
      counts: fields.find((group) => group.field.number === field.number) ?? null,
    }));
    const departmentRows: ProgressRow[] = inDepartmentOrder(
      language,
      departments.map((group) => ({ ...group.department, group })),
    ).map(({ group }) => ({
      key: group.department.id,
      label: nameIn(language, group.department),
      patch: { dept: group.department.id, field: undefined, sdg: undefined },
      counts: group,
    }));
    // The SDGs with indicators and those the documents link nothing to, by number.
    const sdgRows: ProgressRow[] = [...sdgs.map((group) => group.sdg), ...coverage.uncoveredSdgs]
      .sort((one, other) => one.number - other.number)
      .map((sdg) => ({
        key: `sdg:${sdg.number}`,
        label: `SDG ${sdg.number} ${nameIn(language, sdg)}`,
        patch: { sdg: String(sdg.number), field: undefined, dept: undefined },
        counts: sdgs.find((group) => group.sdg.number === sdg.number) ?? null,
      }));
    const overallRow: ProgressRow = {
      key: 'all',
      label: text(language, 'allIndicators'),
      patch: { field: undefined, dept: undefined, sdg: undefined },
      counts: overall,
    };
    return { fieldRows, departmentRows, sdgRows, overallRow };
  }, [data, language]);

  if (result.status !== 'done' || data === undefined || rows === null) return <QueryStatus state={result} />;
  markFirstRender();
  const { planFiscalYears, progressGrades, progressSummary } = data;
  const year = planFiscalYears.find((candidate) => candidate.year === progressSummary.fiscalYear);
  const yearText = year === undefined ? String(progressSummary.fiscalYear) : fiscalYearLabel(language, year);

  const byOutlook = state.by === 'outlook';
  const counting = byOutlook ? BY_OUTLOOK : BY_GRADE;
  const column = counting.columns.find((candidate) => candidate === state[counting.parameter]) ?? null;
  const groupKey =
    state.dept ??
    (state.field !== undefined ? `field:${state.field}` : state.sdg !== undefined ? `sdg:${state.sdg}` : 'all');
  const chosenRow = [rows.overallRow, ...rows.fieldRows, ...rows.departmentRows, ...rows.sdgRows].find(
    (row) => row.key === groupKey,
  );
  const chosenCounts = chosenRow?.counts ?? null;
  const chosen = column === null || chosenRow === undefined ? null : { group: chosenRow.key, column };
  // Every indicator appears in exactly one of the overall group's lists: the details of all of them.
  const indicatorById = new Map<string, ProgressIndicator>(
    [
      ...progressSummary.overall.grades.flatMap((bar) => bar.indicators),
      ...progressSummary.overall.notGradableIndicators,
      ...progressSummary.overall.noResultIndicators,
    ].map((indicator) => [indicator.id, indicator]),
  );
  // Outlooks are not of the year: their captions and the drill-down's title name none.
  const captionOf = (grades: string, outlooks: string): string => (byOutlook ? outlooks : `${grades} · ${yearText}`);

  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">
        {text(language, 'progress')} · {yearText}
      </h2>
      <div class="filters">
        <label class="filter">
          {text(language, 'fiscalYear')}{' '}
          <select
            id="progress-year"
            value={String(progressSummary.fiscalYear)}
            onChange={(event) => navigate({ fy: event.currentTarget.value })}
          >
            {planFiscalYears.map((option) => (
              <option key={option.year} value={String(option.year)}>
                {fiscalYearLabel(language, option)}
              </option>
            ))}
          </select>
        </label>
        <span class="filter counting" role="group" aria-label={progressText(language, 'countBy')}>
          {progressText(language, 'countBy')}:{' '}
          <StateLink patch={{ by: undefined, outlook: undefined }} current={!byOutlook}>
            {progressText(language, 'byGrade')}
          </StateLink>
          {' | '}
          <StateLink patch={{ by: 'outlook', grade: undefined }} current={byOutlook}>
            {progressText(language, 'byOutlook')}
          </StateLink>
        </span>
      </div>
      <p class="rows-shown">
        {text(language, 'progressCounting')} {progressText(language, 'sdgCounting')}
        {byOutlook ? ` ${progressText(language, 'outlookCounting')}` : ''}
      </p>
      <div class="progress-layout">
        <div class="progress-tables">
          <ProgressTable
            caption={captionOf(text(language, 'progressByField'), progressText(language, 'byFieldOutlook'))}
            groupHeading={text(language, 'field')}
            rows={rows.fieldRows}
            footer={rows.overallRow}
            counting={counting}
            chosen={chosen}
            language={language}
          />
          <ProgressTable
            caption={captionOf(text(language, 'progressByDepartment'), progressText(language, 'byDepartmentOutlook'))}
            groupHeading={text(language, 'departmentColumn')}
            rows={rows.departmentRows}
            counting={counting}
            chosen={chosen}
            language={language}
          />
          <ProgressTable
            caption={captionOf(progressText(language, 'bySdg'), progressText(language, 'bySdgOutlook'))}
            groupHeading="SDG"
            rows={rows.sdgRows}
            counting={counting}
            chosen={chosen}
            language={language}
          />
        </div>
        <aside class="cell-details progress-drill" aria-live="polite">
          {chosen === null || chosenRow === undefined || chosenCounts === null ? (
            <p>{text(language, 'chooseCount')}</p>
          ) : (
            <ProgressDrill
              title={captionOf(
                `${chosenRow.label} × ${counting.label(language, chosen.column)}`,
                `${chosenRow.label} × ${counting.label(language, chosen.column)}`,
              )}
              indicators={counting
                .counted(chosenCounts, chosen.column)
                .flatMap((counted) => indicatorById.get(counted.id) ?? [])}
              byOutlook={byOutlook}
              language={language}
            />
          )}
          {byOutlook ? (
            <OutlookLegend language={language} />
          ) : (
            <ProgressLegend bands={progressGrades} language={language} />
          )}
        </aside>
      </div>
    </section>
  );
}
