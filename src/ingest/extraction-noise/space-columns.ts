import { type FileLine, isBlankText } from './file-line';
import { charWidth } from './wrap-column';

/**
 * Columns separated by runs of spaces, as the layout mode of common PDF-to-text tools prints a table: each
 * cell padded with spaces to where the next column starts, no tab anywhere. Such lines are turned into the
 * tab rows every table reader reads, before anything else looks at cells.
 *
 * - A layout line has no tab and a run of two spaces or more before text (at its start or inside it). One
 *   space never separates cells (`1 自治会の支援`, `R 6年度末の 取組状況報告` are one cell each); a tab row
 *   or a line without such a run (prose, headings) is left as it is.
 * - A table is a block of lines with no blank line between them. Each cell's column is where its text
 *   starts (in display columns: ASCII 1, other characters 2); the block's columns are the distinct starts
 *   of its layout lines, and a cell's index is the rank of its start among them (a line whose cell starts
 *   under the third column gets two empty cells before it, as its tab row had). A column no line of the
 *   block fills is invisible in layout mode, so it has no index; but a block whose columns are all columns
 *   of the block before it (a table going on after a page break) keeps that block's columns.
 * - A split is unambiguous when no other line of the block has a cell running across the place it splits
 *   (cells of one column never overlap the next column). Where one does, the run of spaces may be inside a
 *   cell as well as between two: `AmbiguousColumnsError` names the document, the line and both readings.
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
  checkUnambiguous(document, block, segmented);
  const own = [...new Set(segmented.flatMap((line) => (line ?? []).map((s) => s.start)).concat(0))].sort(
    (a, b) => a - b,
  );
  const starts = own.every((start) => previous.includes(start)) ? previous : own;
  const lines = block.map((line, i) => {
    const cells = segmented[i];
    if (!cells) return line;
    const row: string[] = [];
    for (const cell of cells) row[starts.indexOf(cell.start)] = cell.text;
    const formFeeds = FORM_FEEDS.exec(line.text)?.[0] ?? '';
    return { text: formFeeds + Array.from(row, (cell) => cell ?? '').join('\t'), fileLine: line.fileLine };
  });
  return { lines, columns: starts };
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
      });
    }
    column += width;
    at += length;
  }
  return out;
}

/** Throws where a split of one line falls inside a (not last) cell of another line of the block. */
function checkUnambiguous(
  document: string,
  block: readonly FileLine[],
  segmented: readonly (readonly Segment[] | null)[],
): void {
  segmented.forEach((cells, i) => {
    (cells ?? []).forEach((cell, k) => {
      const before = cells?.[k - 1];
      if (!before) return;
      segmented.forEach((other, j) => {
        const across = (other ?? []).slice(0, -1).find((o) => o.start < cell.start && cell.start < o.end);
        if (j === i || !across) return;
        const line = block[i] as FileLine;
        const joined = line.text.slice(line.text.indexOf(before.text)).trimEnd();
        const asOne = joined.slice(0, joined.indexOf(cell.text) + cell.text.length);
        throw new AmbiguousColumnsError(
          document,
          line.fileLine,
          [before.text, cell.text],
          asOne,
          block[j]?.fileLine ?? 0,
        );
      });
    });
  });
}
