import type { ComponentChildren } from 'preact';
import { fiscalYearLabel } from './fiscal-year';
import { text, type Language } from './i18n';
import { pageText } from './page-texts';

/** What every revision of a yearly record has (an indicator's result, a sheet's evaluation). */
export interface Revision {
  readonly id: string;
  readonly revision: number;
  readonly recordedAt: string;
  readonly retracted?: boolean;
  readonly retractedReason?: string | null;
}

/**
 * Every revision of every recorded year, newest first within a year as the API lists them, retracted ones
 * marked in words (not colour alone) with their reason. `columns` adds the record's own cells.
 */
export function RevisionHistory<T extends Revision>(props: {
  readonly years: readonly { readonly fiscalYear: number; readonly history?: readonly T[] }[];
  readonly columns: readonly { readonly header: string; readonly cell: (revision: T) => ComponentChildren }[];
  readonly language: Language;
}) {
  const { language } = props;
  return (
    <section aria-labelledby="history-title" class="history">
      <h3 id="history-title">{pageText(language, 'history')}</h3>
      <div class="scroll-x">
        <table>
          <thead>
            <tr>
              <th scope="col">{pageText(language, 'fiscalYear')}</th>
              <th scope="col">{pageText(language, 'revision')}</th>
              {props.columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
              <th scope="col">{pageText(language, 'recordedAt')}</th>
              <th scope="col">{text(language, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.flatMap((year) =>
              (year.history ?? []).map((revision) => (
                <tr key={revision.id} data-record-id={revision.id} class={revision.retracted ? 'retracted' : undefined}>
                  <th scope="row">{fiscalYearLabel(year.fiscalYear)}</th>
                  <td>r{revision.revision}</td>
                  {props.columns.map((column) => (
                    <td key={column.header}>{column.cell(revision)}</td>
                  ))}
                  <td>
                    <time dateTime={revision.recordedAt}>{revision.recordedAt.slice(0, 16).replace('T', ' ')}</time>
                  </td>
                  <td>
                    {revision.retracted === true
                      ? `${pageText(language, 'retracted')}${revision.retractedReason ? `: ${revision.retractedReason}` : ''}`
                      : pageText(language, 'inForce')}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
