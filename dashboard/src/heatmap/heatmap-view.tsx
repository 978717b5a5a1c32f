import { useEffect, useMemo, useRef } from 'preact/hooks';
import { inDepartmentOrder, type DepartmentLabel } from '../common/department-order';
import { departmentsShown, nameIn, text, type Language } from '../common/i18n';
import { StateLink, useNavigation } from '../common/navigation';
import { QueryStatus } from '../common/query-status';
import { markFirstRender } from '../common/rendered-mark';
import { SdgBadge } from '../common/sdg-badge';
import { StatusBadge } from '../common/status-badge';
import { useQuery } from '../common/use-query';
import { HEATMAP_QUERY, type CoverageCell, type HeatmapData } from './heatmap-query';
import { loadHeatmapChart } from './load-heatmap-chart';

/** Pixels per department row: enough for a Japanese label at 12 px. */
const ROW_HEIGHT = 22;

/** The font the page uses, also for text drawn on the canvas (which does not inherit CSS). */
const FONT_FAMILY = getComputedStyle(document.documentElement).fontFamily;

/**
 * SDG × department heatmap: state `field` (filter), `alldepts` (`1`: every department even under a field,
 * not only those with measures in it), `dept` and `sdg` (the chosen cell). Rows are in the language's
 * department order. A field or an SDG the documents give no measures is said to be absent from them, never
 * drawn as a row or column of gaps.
 */
export function HeatmapView() {
  const { state, language, navigate } = useNavigation();
  const field = state.field === undefined ? undefined : Number(state.field);
  const result = useQuery<HeatmapData>(
    HEATMAP_QUERY,
    field === undefined ? { filtered: false } : { field, filtered: true },
  );
  useEffect(() => void loadHeatmapChart(), []);
  const showAll = state.alldepts === '1';
  const data = result.status === 'done' ? result.data : undefined;
  const rows = useMemo(() => {
    if (data === undefined) return [];
    const facet = data.fieldMeasures?.facets?.departments;
    const inField = facet === undefined || showAll ? null : new Set(facet.map((count) => count.id));
    const departments = data.sdgCoverage.departments;
    return inDepartmentOrder(
      language,
      inField === null ? departments : departments.filter((department) => inField.has(department.id)),
    );
  }, [data, language, showAll]);
  // Kept across renders: the chart redraws when its inputs change.
  const { withoutMeasures, uncovered } = useMemo(() => {
    const coverage = data?.serviceInfo.coverage;
    return {
      withoutMeasures: new Set(coverage?.fields.filter((entry) => entry.measureCount === 0).map((e) => e.field.number)),
      uncovered: new Set(coverage?.uncoveredSdgs.map((sdg) => sdg.number)),
    };
  }, [data]);
  if (result.status !== 'done') return <QueryStatus state={result} />;
  const { fields, sdgCoverage } = result.data;
  const notInDocuments = text(language, 'notInDocuments');
  return (
    <section aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{text(language, 'heatmap')}</h2>
      <div class="filters">
        <label class="filter">
          {text(language, 'field')}{' '}
          <select
            value={state.field ?? ''}
            onChange={(event) => navigate({ field: event.currentTarget.value, dept: undefined, sdg: undefined })}
          >
            <option value="">{text(language, 'allFields')}</option>
            {fields.map((option) => (
              <option key={option.number} value={String(option.number)}>
                {option.number} {nameIn(language, option)}
                {withoutMeasures.has(option.number) ? ` (${notInDocuments})` : ''}
              </option>
            ))}
          </select>
        </label>
        {field === undefined ? null : (
          <label class="filter show-all">
            <input
              type="checkbox"
              checked={showAll}
              onChange={(event) => navigate({ alldepts: event.currentTarget.checked ? '1' : undefined })}
            />{' '}
            {text(language, 'showAllDepartments')}
          </label>
        )}
        <span class="filter rows-shown" aria-live="polite">
          {departmentsShown(language, rows.length, sdgCoverage.departments.length)}
        </span>
      </div>
      {field !== undefined && withoutMeasures.has(field) ? (
        <p class="not-in-documents-note" role="status">
          {text(language, 'field')} {field}: {notInDocuments}
        </p>
      ) : (
        <CoverageMatrix
          rows={rows}
          sdgs={sdgCoverage.sdgs}
          cells={sdgCoverage.cells}
          uncovered={uncovered}
          language={language}
        />
      )}
    </section>
  );
}

function CoverageMatrix(props: {
  /** The rows to draw, in order. */
  readonly rows: readonly DepartmentLabel[];
  readonly sdgs: HeatmapData['sdgCoverage']['sdgs'];
  readonly cells: HeatmapData['sdgCoverage']['cells'];
  /** Numbers of the SDGs the documents link no measure to. */
  readonly uncovered: ReadonlySet<number>;
  readonly language: Language;
}) {
  const { state, navigate } = useNavigation();
  const { rows: departments, sdgs, cells, uncovered, language } = props;
  const cellByKey = useMemo(
    () => new Map(cells.map((cell) => [`${cell.department.id}|${cell.sdg.number}`, cell])),
    [cells],
  );
  const counts = useMemo(
    () =>
      departments.map((department) =>
        sdgs.map((sdg) => cellByKey.get(`${department.id}|${sdg.number}`)?.measureCount ?? 0),
      ),
    [departments, sdgs, cellByKey],
  );
  const selectedRow = departments.findIndex((department) => department.id === state.dept);
  const selectedColumn = sdgs.findIndex((sdg) => String(sdg.number) === state.sdg);
  const chartElement = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = chartElement.current;
    if (element === null) return undefined;
    element.style.height = `${departments.length * ROW_HEIGHT + 90}px`;
    let disposed = false;
    let dispose = (): void => undefined;
    void loadHeatmapChart().then(({ drawHeatmap }) => {
      if (disposed) return;
      const chart = drawHeatmap(
        element,
        {
          rows: departments.map((department) => nameIn(language, department)),
          columns: sdgs.map((sdg) => ({
            number: sdg.number,
            color: sdg.color,
            title: nameIn(language, sdg),
            uncovered: uncovered.has(sdg.number),
          })),
          counts,
          selected: selectedRow >= 0 && selectedColumn >= 0 ? { row: selectedRow, column: selectedColumn } : null,
          fontFamily: FONT_FAMILY,
          gapLabel: text(language, 'gap'),
          uncoveredLabel: text(language, 'notInDocuments'),
        },
        (row, column) => navigate({ dept: departments[row]?.id, sdg: String(sdgs[column]?.number ?? '') }),
      );
      const onResize = (): void => chart.resize();
      window.addEventListener('resize', onResize);
      dispose = () => {
        window.removeEventListener('resize', onResize);
        chart.dispose();
      };
      markFirstRender();
    });
    return () => {
      disposed = true;
      dispose();
    };
    // `navigate` is left out on purpose: it is new on every render but always does the same thing.
  }, [departments, sdgs, counts, uncovered, language, selectedRow, selectedColumn]);

  const selectedCell =
    selectedRow >= 0 && selectedColumn >= 0
      ? (cellByKey.get(`${departments[selectedRow]?.id ?? ''}|${sdgs[selectedColumn]?.number ?? ''}`) ?? null)
      : null;

  return (
    <div class="heatmap-layout">
      {/* Focusable so keyboard users can scroll it sideways on narrow screens; the table below has the same data. */}
      <div class="scroll-x" tabIndex={0} role="group" aria-label={text(language, 'heatmap')}>
        <div ref={chartElement} class="heatmap-chart" aria-hidden="true" />
      </div>
      <aside class="cell-details" aria-live="polite">
        {selectedRow >= 0 && selectedColumn >= 0 ? (
          <CellDetails
            departmentName={nameIn(language, departments[selectedRow] ?? { name: '' })}
            departmentId={departments[selectedRow]?.id ?? ''}
            sdg={sdgs[selectedColumn]}
            cell={selectedCell}
            uncovered={uncovered.has(sdgs[selectedColumn]?.number ?? 0)}
            language={language}
          />
        ) : (
          <p>{text(language, 'chooseCell')}</p>
        )}
      </aside>
      <details class="matrix-table">
        <summary>{text(language, 'tableView')}</summary>
        <div class="scroll-x">
          <table>
            <caption>{text(language, 'heatmap')}</caption>
            <thead>
              <tr>
                <th scope="col">{text(language, 'department')}</th>
                {sdgs.map((sdg) => (
                  <th scope="col" key={sdg.number}>
                    <SdgBadge sdg={sdg} language={language} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {departments.map((department, row) => (
                <tr key={department.id} data-department={department.id}>
                  <th scope="row">{nameIn(language, department)}</th>
                  {sdgs.map((sdg, column) => {
                    const count = counts[row]?.[column] ?? 0;
                    if (uncovered.has(sdg.number)) {
                      return (
                        <td key={sdg.number} data-sdg={sdg.number} class="not-in-documents">
                          <span aria-hidden="true">—</span>
                          <span class="visually-hidden">{text(language, 'notInDocuments')}</span>
                        </td>
                      );
                    }
                    return (
                      <td key={sdg.number} data-sdg={sdg.number} class={count === 0 ? 'gap' : undefined}>
                        {count === 0 ? (
                          <span title={text(language, 'gap')}>·</span>
                        ) : (
                          <StateLink patch={{ dept: department.id, sdg: String(sdg.number) }}>{count}</StateLink>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function CellDetails(props: {
  readonly departmentName: string;
  readonly departmentId: string;
  readonly sdg: HeatmapData['sdgCoverage']['sdgs'][number] | undefined;
  readonly cell: CoverageCell | null;
  readonly uncovered: boolean;
  readonly language: Language;
}) {
  const { language, cell, sdg } = props;
  const measures = cell?.measures ?? [];
  return (
    <div class="selected-cell">
      <h3>
        <StateLink patch={{ view: 'department', dept: props.departmentId }} replace>
          {props.departmentName}
        </StateLink>{' '}
        × {sdg === undefined ? null : <SdgBadge sdg={sdg} language={language} long />}
      </h3>
      {props.uncovered ? (
        <p class="cell-count not-in-documents-note">
          SDG {sdg?.number}: {text(language, 'notInDocuments')}
        </p>
      ) : (
        <p class="cell-count">
          <strong>{cell?.measureCount ?? 0}</strong> {text(language, 'measureCount')}
        </p>
      )}
      <ul class="measure-list">
        {measures.map((measure) => (
          <li key={measure.code} data-code={measure.code}>
            <StateLink patch={{ view: 'items', item: measure.policyItem.code }} replace>
              <span class="code">{measure.code}</span> {measure.name}
            </StateLink>
            <StatusBadge status={measure.status} language={language} />
            <br />
            <small>
              {text(language, 'policyItem')} {measure.policyItem.code} {measure.policyItem.name}
            </small>
          </li>
        ))}
      </ul>
    </div>
  );
}
