import { text, type Language } from '../common/i18n';
import { StateLink } from '../common/navigation';
import type { UrlStatePatch } from '../common/url-state';
import type { GroupCounts } from './progress-query';
import type { Counting } from './standing';

/** One row of the table: a group of indicators (all, a field, a department, an SDG) and how to choose it. */
export interface ProgressRow {
  /** `all`, `field:5`, a department id or `sdg:11`: the row's `data-group`, which tests and the chosen mark read. */
  readonly key: string;
  readonly label: string;
  /** The URL state that names this group (with a `grade` or `outlook` added, one of its counts). */
  readonly patch: UrlStatePatch;
  /** Null for a field or SDG the documents give no indicators: shown as such, not as zeros. */
  readonly counts: GroupCounts | null;
}

/** The chosen count, if any: its group key and column. */
export type ChosenCount = { readonly group: string; readonly column: string } | null;

/**
 * Groups × columns (grades or outlooks, as `counting` says): each count a link to the indicators it counts,
 * the row's total, and a stacked bar of the shares (a picture of the same numbers, hidden from assistive
 * technology, which reads the table).
 */
export function ProgressTable(props: {
  readonly caption: string;
  readonly groupHeading: string;
  readonly rows: readonly ProgressRow[];
  readonly footer?: ProgressRow;
  readonly counting: Counting;
  readonly chosen: ChosenCount;
  readonly language: Language;
}) {
  const { language, counting } = props;
  return (
    // Focusable so keyboard users can scroll it sideways on narrow screens.
    <div class="scroll-x" tabIndex={0} role="group" aria-label={props.caption}>
      <table class="progress-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeading}</th>
            {counting.columns.map((column) => (
              <th scope="col" key={column} data-standing={column}>
                <span class="swatch" style={{ background: counting.colour(column) }} aria-hidden="true" />
                {counting.label(language, column)}
              </th>
            ))}
            <th scope="col">{text(language, 'total')}</th>
            <th scope="col" class="bar-column">
              <span class="visually-hidden">{text(language, 'shares')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <Row key={row.key} row={row} counting={counting} chosen={props.chosen} language={language} />
          ))}
        </tbody>
        {props.footer === undefined ? null : (
          <tfoot>
            <Row row={props.footer} counting={counting} chosen={props.chosen} language={language} />
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Row(props: {
  readonly row: ProgressRow;
  readonly counting: Counting;
  readonly chosen: ChosenCount;
  readonly language: Language;
}) {
  const { row, counting, chosen } = props;
  const { counts } = row;
  if (counts === null) {
    return (
      <tr data-group={row.key} class="not-in-documents">
        <th scope="row">{row.label}</th>
        <td colSpan={counting.columns.length + 2}>{text(props.language, 'notInDocuments')}</td>
      </tr>
    );
  }
  return (
    <tr data-group={row.key}>
      <th scope="row">{row.label}</th>
      {counting.columns.map((column) => {
        const count = counting.count(counts, column);
        const isChosen = chosen !== null && chosen.group === row.key && chosen.column === column;
        return (
          <td key={column} data-standing={column} class={isChosen ? 'count chosen' : 'count'}>
            {count === 0 ? (
              <span class="zero">0</span>
            ) : (
              <StateLink patch={{ ...row.patch, [counting.parameter]: column }} current={isChosen}>
                {count}
              </StateLink>
            )}
          </td>
        );
      })}
      <td class="count total">{counts.indicators}</td>
      <td class="bar-column">
        <span class="stacked-bar" aria-hidden="true">
          {counting.columns.map((column) => {
            const count = counting.count(counts, column);
            return count === 0 ? null : (
              <span
                key={column}
                style={{ width: `${(100 * count) / counts.indicators}%`, background: counting.colour(column) }}
              />
            );
          })}
        </span>
      </td>
    </tr>
  );
}
