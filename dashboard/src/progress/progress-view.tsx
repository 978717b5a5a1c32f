import { useMemo } from 'preact/hooks';
import { inDepartmentOrder } from '../common/department-order';
import { fiscalYearLabel, nameIn, text } from '../common/i18n';
import { useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { useQuery } from '../common/use-query';
import { ProgressDrill } from './progress-drill';
import { ProgressLegend } from './progress-legend';
import { PROGRESS_QUERY, type ProgressData, type ProgressIndicator } from './progress-query';
import { ProgressTable, type ProgressRow } from './progress-table';
import { countedBy, standingLabel, standingOf } from './standing';

/** The fiscal year (April to March) today falls in, by the browser's clock: the year shown when none is chosen. */
function currentFiscalYear(now: Date = new Date()): number {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

/**
 * Progress overview: how many outcome indicators are in each grade, cannot be graded, or have no result yet
 * in a plan-period year, per field and per department. State `fy` (the year), and the chosen count: `grade`
 * (a grade, `notGradable` or `noResult`) with `field` (a field number) or `dept` (a department id), or
 * neither for all indicators. The one request holds every count's indicators, so choosing a count costs none.
 */
export function ProgressView() {
  const { state, language, navigate } = useNavigation();
  const requestedYear = Number(state.fy);
  const fiscalYear = Number.isInteger(requestedYear) ? requestedYear : currentFiscalYear();
  const result = useQuery<ProgressData>(PROGRESS_QUERY, { fiscalYear });
  const data = result.status === 'done' ? result.data : undefined;

  const rows = useMemo(() => {
    if (data === undefined) return null;
    const { overall, fields, departments } = data.progressSummary;
    const fieldRows: ProgressRow[] = fields.map((group) => ({
      key: `field:${group.field.number}`,
      label: `${group.field.number} ${nameIn(language, group.field)}`,
      patch: { field: String(group.field.number), dept: undefined },
      counts: group,
    }));
    const departmentRows: ProgressRow[] = inDepartmentOrder(
      language,
      departments.map((group) => ({ ...group.department, group })),
    ).map(({ group }) => ({
      key: group.department.id,
      label: nameIn(language, group.department),
      patch: { dept: group.department.id, field: undefined },
      counts: group,
    }));
    const overallRow: ProgressRow = {
      key: 'all',
      label: text(language, 'allIndicators'),
      patch: { field: undefined, dept: undefined },
      counts: overall,
    };
    return { fieldRows, departmentRows, overallRow };
  }, [data, language]);

  if (result.status !== 'done' || data === undefined || rows === null) return <QueryStatus state={result} />;
  markFirstRender();
  const { planFiscalYears, progressGrades, progressSummary } = data;
  const year = planFiscalYears.find((candidate) => candidate.year === progressSummary.fiscalYear);
  const yearText = year === undefined ? String(progressSummary.fiscalYear) : fiscalYearLabel(language, year);

  const standing = standingOf(state.grade);
  const groupKey = state.dept ?? (state.field === undefined ? 'all' : `field:${state.field}`);
  const chosenRow = [rows.overallRow, ...rows.fieldRows, ...rows.departmentRows].find((row) => row.key === groupKey);
  const chosen = standing === null || chosenRow === undefined ? null : { group: chosenRow.key, standing };
  // Every indicator appears in exactly one of the overall group's lists: the details of all of them.
  const indicatorById = new Map<string, ProgressIndicator>(
    [
      ...progressSummary.overall.grades.flatMap((bar) => bar.indicators),
      ...progressSummary.overall.notGradableIndicators,
      ...progressSummary.overall.noResultIndicators,
    ].map((indicator) => [indicator.id, indicator]),
  );

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
        <span class="filter rows-shown">{text(language, 'progressCounting')}</span>
      </div>
      <div class="progress-layout">
        <div class="progress-tables">
          <ProgressTable
            caption={`${text(language, 'progressByField')} · ${yearText}`}
            groupHeading={text(language, 'field')}
            rows={rows.fieldRows}
            footer={rows.overallRow}
            chosen={chosen}
            language={language}
          />
          <ProgressTable
            caption={`${text(language, 'progressByDepartment')} · ${yearText}`}
            groupHeading={text(language, 'departmentColumn')}
            rows={rows.departmentRows}
            chosen={chosen}
            language={language}
          />
        </div>
        <aside class="cell-details progress-drill" aria-live="polite">
          {chosen === null || chosenRow === undefined ? (
            <p>{text(language, 'chooseCount')}</p>
          ) : (
            <ProgressDrill
              title={`${chosenRow.label} × ${standingLabel(language, chosen.standing)} · ${yearText}`}
              indicators={countedBy(chosenRow.counts, chosen.standing).flatMap(
                (counted) => indicatorById.get(counted.id) ?? [],
              )}
              language={language}
            />
          )}
          <ProgressLegend bands={progressGrades} language={language} />
        </aside>
      </div>
    </section>
  );
}
