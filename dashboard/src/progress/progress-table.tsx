import { text, type Language } from '../common/i18n';
import { StateLink } from '../common/navigation';
import type { UrlStatePatch } from '../common/url-state';
import type { GroupCounts } from './progress-query';
import { countOf, STANDING_COLOURS, STANDINGS, standingLabel, type Standing } from './standing';

/** One row of the table: a group of indicators (all, a field, a department) and how to choose it. */
export interface ProgressRow {
  /** `all`, `field:5` or a department id: the row's `data-group`, which tests and the chosen mark read. */
  readonly key: string;
  readonly label: string;
  /** The URL state that names this group (with a `grade` added, one of its counts). */
  readonly patch: UrlStatePatch;
  readonly counts: GroupCounts;
}

/**
 * Groups × standings: each count a link to the indicators it counts, the row's total, and a stacked bar of
 * the shares (a picture of the same numbers, hidden from assistive technology, which reads the table).
 */
export function ProgressTable(props: {
  readonly caption: string;
  readonly groupHeading: string;
  readonly rows: readonly ProgressRow[];
  readonly footer?: ProgressRow;
  /** The chosen count, if any: its group key and standing. */
  readonly chosen: { readonly group: string; readonly standing: Standing } | null;
  readonly language: Language;
}) {
  const { language } = props;
  return (
    // Focusable so keyboard users can scroll it sideways on narrow screens.
    <div class="scroll-x" tabIndex={0} role="group" aria-label={props.caption}>
      <table class="progress-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.groupHeading}</th>
            {STANDINGS.map((standing) => (
              <th scope="col" key={standing} data-standing={standing}>
                <span class="swatch" style={{ background: STANDING_COLOURS[standing] }} aria-hidden="true" />
                {standingLabel(language, standing)}
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
            <Row key={row.key} row={row} chosen={props.chosen} />
          ))}
        </tbody>
        {props.footer === undefined ? null : (
          <tfoot>
            <Row row={props.footer} chosen={props.chosen} />
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Row(props: {
  readonly row: ProgressRow;
  readonly chosen: { readonly group: string; readonly standing: Standing } | null;
}) {
  const { row, chosen } = props;
  const { counts } = row;
  return (
    <tr data-group={row.key}>
      <th scope="row">{row.label}</th>
      {STANDINGS.map((standing) => {
        const count = countOf(counts, standing);
        const isChosen = chosen !== null && chosen.group === row.key && chosen.standing === standing;
        return (
          <td key={standing} data-standing={standing} class={isChosen ? 'count chosen' : 'count'}>
            {count === 0 ? (
              <span class="zero">0</span>
            ) : (
              <StateLink patch={{ ...row.patch, grade: standing }} current={isChosen}>
                {count}
              </StateLink>
            )}
          </td>
        );
      })}
      <td class="count total">{counts.indicators}</td>
      <td class="bar-column">
        <span class="stacked-bar" aria-hidden="true">
          {STANDINGS.map((standing) => {
            const count = countOf(counts, standing);
            return count === 0 ? null : (
              <span
                key={standing}
                style={{ width: `${(100 * count) / counts.indicators}%`, background: STANDING_COLOURS[standing] }}
              />
            );
          })}
        </span>
      </td>
    </tr>
  );
}
