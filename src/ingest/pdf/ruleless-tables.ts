import { UnreadableDocumentError } from '../unreadable-document';
import { COLUMN_GAP, type PrintedLine, printedLines } from './page-lines';
import type { PrintedRun } from './printed-run';

/** Baselines at most this far apart (× the font size) are lines of one table: a row's own pitch is 1–1.7. */
const MAX_PITCH = 1.8;
/** Cell starts closer than this (points) line up: one column. */
const ALIGNED = 1.5;

/**
 * The first line of an untagged page's table drawn without ruling lines, or null: two printed lines in a row,
 * outside every ruled table, each parted into cells by gaps wider than any space (`COLUMN_GAP`), with a cell
 * after the first starting at the same place on both (a column of aligned text edges, as the stream method of
 * Camelot, Tabula and pdfplumber finds it). Such a table's cells wrap inside their columns, and without rules
 * nothing on the page says where one row ends and the next begins, so it is refused rather than guessed.
 */
export function rulelessTableStart(lines: readonly PrintedLine[]): PrintedLine | null {
  for (let i = 1; i < lines.length; i++) {
    const [above, line] = [lines[i - 1], lines[i]];
    if (!above || !line || above.y - line.y > MAX_PITCH * line.size) continue;
    const starts = cellStarts(above);
    if (cellStarts(line).some((x) => starts.some((start) => Math.abs(start - x) <= ALIGNED))) return above;
  }
  return null;
}

/** Where the cells of a line after its first begin: runs after a gap wider than any space. */
function cellStarts(line: PrintedLine): number[] {
  return line.runs.flatMap((run: PrintedRun, index) => {
    const before = line.runs[index - 1];
    return before !== undefined && run.x - before.right > COLUMN_GAP * run.size ? [run.x] : [];
  });
}

/**
 * The refusal of a page holding a table without ruling lines, naming the document, the page and the printed
 * line (counted from the page's top as every reference into a PDF counts them) where the table starts.
 */
export function rulelessTableError(
  document: string,
  page: number,
  runs: readonly PrintedRun[],
  start: PrintedLine,
): UnreadableDocumentError {
  const line = printedLines(runs).findIndex((printed) => printed.runs.some((run) => start.runs.includes(run))) + 1;
  const cells = start.runs.map((run) => run.text.trim()).filter((text) => text !== '');
  return new UnreadableDocumentError(
    document,
    line,
    `a table drawn without ruling lines (${cells.map((cell) => JSON.stringify(cell)).join(', ')}): in an untagged ` +
      'PDF a table is read from its ruling lines, and without them nothing says where a row ends; ask the city ' +
      'for the PDF tagged (saved with accessibility tags) or printed with the table borders',
    page,
  );
}
