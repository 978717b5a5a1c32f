import { type FileLine, isBlankText } from './file-line';
import { charWidth } from './line-measure';

/**
 * Columns separated by runs of spaces, as the layout mode of common PDF-to-text tools prints a table: each
 * cell padded with spaces to where the next column starts, no tab anywhere. Such lines are turned into the
 * tab rows every table reader reads, before anything else looks at cells.
 *
 * - A layout line has no tab and a run of two spaces or more before text (at its start or inside it). One
 *   space never separates cells (`1 自治会の支援`, `R 6年度末の 取組状況報告` are one cell each); a tab row
 *   or a line without such a run (prose, headings) is left as it is.
 * - A table is a block of lines with no blank line between them. Each cell's column is where its text
 *   starts (in display columns: ASCII 1, other characters 2); the block's columns are the places its rows
 *   share (`columnStarts`), not single gaps: a run of spaces that another line's cell runs across is a
 *   space printed wide inside a cell (ASCII or ideographic spaces inside a cell never split it). A cell's
 *   index is the rank of its start among the columns (a line whose cell starts under the third column gets
 *   two empty cells before it, as its tab row had). A column no line of the block fills is invisible in
 *   layout mode, so it has no index; but a block whose columns are all columns of the block before it (a
 *   table going on after a page break) keeps that block's columns.
 * - Where rows share a place that only a line's last cell runs across (a last cell may run on past the next
 *   column), the run of spaces may be inside a cell as well as between two: `AmbiguousColumnsError` names
 *   the document, the line and both readings.
 */
export class AmbiguousColumnsError extends Error {
  constructor(
    readonly document: string,
    readonly line: number,
    readonly asCells: readonly [string, string],
    readonly asOneCell: string,
    readonly otherLine: number,
  ) {
    super(
      `${document}:${line}: cannot tell the columns apart: two cells ${JSON.stringify(asCells[0])} and ` +
        `${JSON.stringify(asCells[1])} (a run of spaces between columns), or one cell ${JSON.stringify(asOneCell)} ` +
        `(line ${otherLine} has a cell running across that place, so no column starts there)`,
    );
    this.name = 'AmbiguousColumnsError';
  }
}

/** A cell of a layout line: its text and the display columns it covers (`start` inclusive, `end` exclusive). */
interface Segment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The characters of the line (after any form feed) the cell spans: `from` inclusive, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

const GAP = / {2,}/;
/** Form feeds a tool starts a page with: kept for the page-furniture pass, not part of the row's layout. */
const FORM_FEEDS = /^\f*/;

export function isLayoutLine(text: string): boolean {
  return !text.includes('\t') && / {2,}\S/.test(text);
}

export function splitSpaceColumns(document: string, lines: readonly FileLine[]): FileLine[] {
  if (!lines.some((line) => isLayoutLine(line.text))) return [...lines];
  const out: FileLine[] = [];
  let block: FileLine[] = [];
  let columns: readonly number[] = [];
  const flush = (): void => {
    const rows = tabRows(document, block, columns);
    out.push(...rows.lines);
    columns = rows.columns;
    block = [];
  };
  for (const line of lines) {
    if (isBlankText(line.text)) {
      flush();
      out.push(line);
    } else {
      block.push(line);
    }
  }
  flush();
  return out;
}

/**
 * The block's layout lines as tab rows, cells indexed by the rank of their column among the block's, and the
 * block's columns. A block whose every column is one of the columns before it (`previous`: a table going on
 * after a page break, where its empty columns may not show) keeps those columns.
 */
function tabRows(
  document: string,
  block: readonly FileLine[],
  previous: readonly number[],
): { readonly lines: FileLine[]; readonly columns: readonly number[] } {
  const segmented = block.map((line) => (isLayoutLine(line.text) ? segments(line) : null));
  if (!segmented.some((line) => line !== null)) return { lines: [...block], columns: previous };
  const own = columnStarts(document, block, segmented);
  const starts = own.every((start) => previous.includes(start)) ? previous : own;
  const lines = block.map((line, i) => {
    const found = segmented[i];
    if (!found) return line;
    const row: string[] = [];
    for (const cell of joinInCellGaps(line, found, own)) row[starts.indexOf(cell.start)] = cell.text;
    const formFeeds = FORM_FEEDS.exec(line.text)?.[0] ?? '';
    return { text: formFeeds + Array.from(row, (cell) => cell ?? '').join('\t'), fileLine: line.fileLine };
  });
  return { lines, columns: starts };
}

/**
 * Where the block's columns start: 0, and each place a cell starts after a run of spaces that no other line
 * of the block has text running across. Layout mode pads every cell but a line's last to its column, so a
 * cell (not last) running across the place says no column starts there: the run of spaces is inside a cell
 * (`R 6年度末の  取組状況報告`, a word space a tool printed wide). A line's last cell may run on past the next
 * column's start. Where only such cells run across the place, the place is a column when the block's header
 * (its first layout line) alone starts a cell there (a column the other rows leave empty), a wide space inside
 * a cell when another single line does; where the rows share it (two lines or more start a cell there), the
 * two readings stand against each other and `AmbiguousColumnsError` names both.
 */
function columnStarts(
  document: string,
  block: readonly FileLine[],
  segmented: readonly (readonly Segment[] | null)[],
): number[] {
  const across = (place: number, cells: readonly Segment[]): boolean =>
    cells.some((cell) => cell.start < place && place < cell.end);
  const candidates = [...new Set(segmented.flatMap((cells) => (cells ?? []).map((cell) => cell.start)))];
  const starts = candidates.filter((place) => {
    if (segmented.some((cells) => across(place, (cells ?? []).slice(0, -1)))) return false;
    const running = segmented.findIndex((cells) => across(place, (cells ?? []).slice(-1)));
    if (running < 0) return true;
    const sharing = segmented.flatMap((cells, i) =>
      (cells ?? []).some((cell, k) => k > 0 && cell.start === place) ? [i] : [],
    );
    if (sharing.length >= 2) throw ambiguity(document, block, segmented, sharing[0] ?? 0, place, running);
    return sharing[0] === segmented.findIndex((cells) => cells !== null);
  });
  return [...new Set([0, ...starts])].sort((a, b) => a - b);
}

/** A line's cells with the runs of spaces inside a cell (no column starts after them) joined back, as printed. */
function joinInCellGaps(line: FileLine, cells: readonly Segment[], columns: readonly number[]): Segment[] {
  const chars = [...line.text.slice(FORM_FEEDS.exec(line.text)?.[0].length ?? 0)];
  const out: Segment[] = [];
  for (const cell of cells) {
    const before = out.at(-1);
    if (before && !columns.includes(cell.start)) {
      const text = chars.slice(before.from, cell.to).join('').trim();
      out[out.length - 1] = { ...before, text, end: cell.end, to: cell.to };
    } else {
      out.push(cell);
    }
  }
  return out;
}

/** The error for line `i`'s cell starting at `place`, which line `j` has a cell running across. */
function ambiguity(
  document: string,
  block: readonly FileLine[],
  segmented: readonly (readonly Segment[] | null)[],
  i: number,
  place: number,
  j: number,
): AmbiguousColumnsError {
  const cells = segmented[i] ?? [];
  const k = cells.findIndex((cell) => cell.start === place);
  const [before, cell] = [cells[k - 1], cells[k]];
  const line = block[i] as FileLine;
  const chars = [...line.text.slice(FORM_FEEDS.exec(line.text)?.[0].length ?? 0)];
  const asOne = before && cell ? chars.slice(before.from, cell.to).join('').trim() : '';
  return new AmbiguousColumnsError(
    document,
    line.fileLine,
    [before?.text ?? '', cell?.text ?? ''],
    asOne,
    block[j]?.fileLine ?? 0,
  );
}

/** The cells of a layout line, placed by the printed widths (a full-width digit takes two columns). */
function segments(line: FileLine): Segment[] {
  const formFeeds = FORM_FEEDS.exec(line.text)?.[0].length ?? 0;
  const text = [...line.text.slice(formFeeds)];
  const printed = [...(line.printed ?? line.text).slice(formFeeds)];
  const out: Segment[] = [];
  let column = 0;
  let at = 0;
  for (const part of text
    .join('')
    .trimEnd()
    .split(/( {2,})/)) {
    const length = [...part].length;
    const width = printed.slice(at, at + length).reduce((sum, c) => sum + charWidth(c), 0);
    if (part !== '' && !GAP.test(part)) {
      const leading = part.length - part.trimStart().length;
      out.push({
        text: text
          .slice(at, at + length)
          .join('')
          .trim(),
        start: column + leading,
        end: column + width,
        from: at,
        to: at + length,
      });
    }
    column += width;
    at += length;
  }
  return out;
}
