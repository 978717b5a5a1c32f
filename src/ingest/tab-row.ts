import { joinWrapped } from './join-wrapped';
import type { SourceDocument, SourceRef } from './source-document';
import { matchKey, stripEmphasis, stripTags, tidy } from '../core/text/index';

/**
 * One line of a document read as a table row. The PDF extraction separates cells with tabs, but how many
 * empty cells sit between two values drifts from sheet to sheet (a row may start with zero, one or two
 * empty cells), so readers look values up by content or by the label cells around them, not by column
 * number; empty cells are kept so positions relative to a found cell still line up.
 */
export interface TabRow {
  /** 1-based line number in the document. */
  readonly line: number;
  readonly source: SourceRef;
  /** The raw line, for error messages. */
  readonly raw: string;
  /** Every cell, cleaned with `cellText` (so empty cells are ''). */
  readonly cells: readonly string[];
}

/** A non-empty cell and its column. */
export interface Cell {
  readonly column: number;
  readonly text: string;
}

export function readTabRow(doc: SourceDocument, line: number): TabRow {
  const raw = doc.line(line);
  return { line, source: doc.ref(line), raw, cells: raw.split('\t').map(cellText) };
}

/**
 * A table row printed over lines `lines` (its first line, then the lines its cells were wrapped onto, each
 * piece under its cell): each cell's pieces joined as a line break joins them (`joinWrapped`). The row keeps
 * its first line; `raw` is that line, for error messages.
 */
export function readWrappedTabRow(doc: SourceDocument, lines: readonly number[]): TabRow {
  const [first = 0, ...rest] = lines;
  const cells = doc.line(first).split('\t');
  const printed = doc.printedLine(first).split('\t');
  for (const n of rest) {
    const printedPieces = doc.printedLine(n).split('\t');
    doc
      .line(n)
      .split('\t')
      .forEach((piece, column) => {
        const above = cells[column] ?? '';
        // Leading white space is the indent under the cell; a trailing space is printed text, kept for the next join.
        const text = piece.trimStart();
        const printedText = (printedPieces[column] ?? piece).trimStart();
        if (text.trim() === '') return;
        cells[column] =
          above.trim() === ''
            ? text
            : joinCellPieces(above, text, { text: printed[column] ?? above, next: printedText });
        printed[column] = printedText;
      });
  }
  return {
    line: first,
    source: doc.ref(first),
    raw: doc.line(first),
    cells: cells.map((cell) => cellText(cell ?? '')),
  };
}

/**
 * A cell's piece and the piece wrapped under it, joined as a line break joins them (`joinWrapped`, judged on
 * the printed pieces). A space the piece above ends with was printed there and stays. A bullet (`●`, `○`, `◯`) that starts the piece below starts an item of the cell, which
 * the documents always set off from the text before it by a space (or a tag); a layout drops that space at a
 * break, so it is put back.
 */
function joinCellPieces(
  above: string,
  next: string,
  printed: { readonly text: string; readonly next: string },
): string {
  if (/\s$/.test(above) || (/^[●○◯]/.test(next) && !/>$/.test(above))) return `${above.trimEnd()} ${next}`;
  return joinWrapped(above, next, { text: printed.text.trimEnd(), next: printed.next });
}

/**
 * A cell as printed: HTML fragments (real tags only; `<令和6年度計画変更>` stays) and `**` emphasis removed,
 * white space tidied. Wrap spaces are kept: readers split cells on them before joining them for storage.
 */
export function cellText(raw: string): string {
  return tidy(stripEmphasis(stripTags(raw)));
}

/** The non-empty cells from column `from` (inclusive) up to `to` (exclusive), with their columns. */
export function filledCells(row: TabRow, from = 0, to = row.cells.length): Cell[] {
  const filled: Cell[] = [];
  row.cells.forEach((text, column) => {
    if (column >= from && column < to && text !== '') filled.push({ column, text });
  });
  return filled;
}

/** The texts of `filledCells`, for readers that need only the values in order. */
export function filledTexts(row: TabRow, from = 0, to = row.cells.length): string[] {
  return filledCells(row, from, to).map((cell) => cell.text);
}

/** Index of the first cell that holds text; -1 for a blank row. */
export function firstFilledIndex(row: TabRow): number {
  return row.cells.findIndex((cell) => cell !== '');
}

/** A row with no text at all. */
export function isBlankRow(row: TabRow): boolean {
  return row.cells.every((cell) => cell === '');
}

/** A row with no text, or only the `------` rules the extraction drew under headers and between blocks. */
export function isLayoutRow(row: TabRow): boolean {
  return row.cells.every((cell) => /^-*$/.test(cell));
}

/** Column of the first cell whose text is `label`, compared by matchKey (`R 6年度末の 取組状況報告`); -1 if none. */
export function columnOf(row: TabRow, label: string): number {
  const key = matchKey(label);
  return row.cells.findIndex((cell) => matchKey(cell) === key);
}

/** The same row with one cell's text replaced (a label already read removed), positions kept. */
export function replaceCell(row: TabRow, index: number, text: string): TabRow {
  return { ...row, cells: row.cells.map((cell, i) => (i === index ? text : cell)) };
}
