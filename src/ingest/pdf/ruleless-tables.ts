import { UnreadableDocumentError } from '../unreadable-document';
import { type PrintedLine, printedLines } from './page-lines';
import type { PrintedRun } from './printed-run';

/**
 * The refusal of a page holding a table without ruling lines that cannot be read for sure: a printed line
 * inside it starts at none of its columns (`streamTables`), so which cell the line goes on cannot be told.
 * Names the document, the page and the printed line (counted from the page's top as every reference into a
 * PDF counts them).
 */
export function rulelessTableError(
  document: string,
  page: number,
  runs: readonly PrintedRun[],
  undecided: PrintedLine,
): UnreadableDocumentError {
  const line = printedLines(runs).findIndex((printed) => printed.runs.some((run) => undecided.runs.includes(run))) + 1;
  const text = undecided.runs
    .map((run) => run.text)
    .join('')
    .trim();
  return new UnreadableDocumentError(
    document,
    line,
    `a line of a table drawn without ruling lines (${JSON.stringify(text)}) starts at none of the table's ` +
      'columns, so which cell it goes on cannot be told; ask the city for the PDF tagged (saved with ' +
      'accessibility tags) or printed with the table borders',
    page,
  );
}
