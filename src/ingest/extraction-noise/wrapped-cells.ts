import { type FileLine, isBlankText } from './file-line';
import { fillsColumn, overflowsColumn, recogniseCeiling, STARTS_CELL_ENTRY, type WrapColumn } from './wrap-column';

/**
 * Table cells wrapped by the extraction. A tool that sets a table row in cells of W display columns puts a
 * long cell's first piece in the row's line and each further piece on a line of its own, in the same column
 * (the same number of tabs before it), every other cell of that line empty; several cells of one row wrap
 * side by side. Japanese breaks between any two characters and adds no space, so pieces join by plain
 * concatenation, back into the one line per row that every table reader expects.
 *
 * Nothing is guessed:
 * - W is recognised from the document, never assumed: the ceiling no cell of a tab row passes, reached by
 *   three distinct cells at least, and MIN_COLUMN wide at least (`recogniseCeiling`). In today's files the
 *   widest cells are long texts of all lengths, so there is no ceiling and nothing is joined.
 * - A line continues the row above only when every cell it fills sits in a column whose piece above fills
 *   W (an open cell), and none of them starts a new entry (`●`, `←`, `①`, `- `, `1. `, `11 ` …: a row of its own). A
 *   line with no tab is one cell in column 0; it continues only a tab row, so prose stays to `joinRunningText`.
 * - A piece that does not fill W closes its cell: the cell ended there. And a tool breaks only where the
 *   text no longer fits, so a piece and the start of the next must together be wider than W
 *   (`overflowsColumn`): a short label above a short row was never one cell.
 * The joined row keeps the file line of its first line. A page break inside a wrapped cell is already gone
 * (page furniture is removed first), so its halves stand next to each other and join like any other.
 */
const MIN_COLUMN = 16;

export function joinWrappedCells(lines: readonly FileLine[]): FileLine[] {
  const column = recogniseCeiling(
    lines.filter((line) => isTabRow(line.text)).flatMap((line) => line.text.split('\t')),
    MIN_COLUMN,
  );
  if (column === null) return [...lines];
  // The document's own row labels first: where the layout alone says a line starts a row, its first cell is
  // a label that starts rows everywhere (`備考` after a label as wide as the column is a row, not its rest).
  const labels = new Set(joinRows(lines, column, new Set()).labels);
  return joinRows(lines, column, labels).lines;
}

/** The lines with wrapped cells joined, and the labels (`rowLabel`) of the tab rows that start a row. */
function joinRows(
  lines: readonly FileLine[],
  column: WrapColumn,
  labels: ReadonlySet<string>,
): { readonly lines: FileLine[]; readonly labels: string[] } {
  const out: FileLine[] = [];
  const starts: string[] = [];
  let rowCells: string[] = [];
  let open = new Map<number, string>();
  for (const line of lines) {
    const cells = line.text.split('\t');
    const filled = filledColumns(cells);
    const previous = out.at(-1);
    if (previous && !labels.has(rowLabel(cells)) && continuesRow(cells, filled, open, column, rowCells)) {
      for (const c of filled) rowCells[c] = joinPieces(rowCells[c] ?? '', cells[c] ?? '');
      out[out.length - 1] = { text: rowCells.join('\t'), fileLine: previous.fileLine };
      open = openCells(cells, filled, column);
    } else {
      out.push(line);
      rowCells = cells;
      open = isTabRow(line.text) ? openCells(cells, filled, column) : new Map<number, string>();
      if (isTabRow(line.text)) starts.push(rowLabel(cells));
    }
  }
  return { lines: out, labels: starts };
}

/** A row's label: its first filled cell, with the column it stands in. */
function rowLabel(cells: readonly string[]): string {
  const first = cells.findIndex((cell) => !isBlankText(cell));
  return `${first}\t${cells[first]?.trim() ?? ''}`;
}

function continuesRow(
  cells: readonly string[],
  filled: readonly number[],
  open: ReadonlyMap<number, string>,
  column: WrapColumn,
  rowCells: readonly string[],
): boolean {
  return (
    filled.length > 0 &&
    filled.every((c) => {
      const piece = open.get(c);
      const next = cells[c] ?? '';
      return (
        piece !== undefined &&
        !STARTS_CELL_ENTRY.test(next) &&
        !nextNumber(rowCells[c] ?? '', next) &&
        overflowsColumn(column, piece, next)
      );
    })
  );
}

/**
 * Whether `next` is the next item of a numbered list: the cell above starts with a number (`5 ジェンダー…`),
 * and so does this piece, even with no space after it (`10人や国の不平等…`, as 000 prints SDG 10).
 */
function nextNumber(cellAbove: string, next: string): boolean {
  return /^\s*\d+\s/.test(cellAbove) && /^\s*\d/.test(next);
}

/** The cells whose piece fills the column, by column, with that piece: they may continue on the next line. */
function openCells(cells: readonly string[], filled: readonly number[], column: WrapColumn): Map<number, string> {
  return new Map(filled.flatMap((c) => (fillsColumn(column, cells[c] ?? '') ? [[c, cells[c] ?? '']] : [])));
}

function filledColumns(cells: readonly string[]): number[] {
  return cells.flatMap((cell, c) => (isBlankText(cell) ? [] : [c]));
}

function isTabRow(text: string): boolean {
  return text.includes('\t');
}

/** A piece and the next one, as printed: a space the break followed stays at the end of the first. */
function joinPieces(before: string, after: string): string {
  return before + after;
}
