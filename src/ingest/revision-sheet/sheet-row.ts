import type { SourceDocument } from '../source-document';
import { sheetText } from './sheet-text';

/**
 * One line of a sheet split into its tab-separated cells. The PDF extraction lets tabs drift (a row may
 * start with zero, one or two empty cells), so readers look cells up by content, not by column; empty
 * cells are kept so a reader that needs positions relative to a found cell still has them.
 */
export interface SheetRow {
  /** 1-based line number in the document. */
  readonly line: number;
  /** Every cell, cleaned with `sheetText` (so empty cells are ''). */
  readonly cells: readonly string[];
  /** The raw line, for error messages. */
  readonly raw: string;
}

export function readRow(doc: SourceDocument, line: number): SheetRow {
  const raw = doc.line(line);
  return { line, cells: raw.split('\t').map(sheetText), raw };
}

/** The cells that hold text, in order. */
export function filledCells(row: SheetRow): string[] {
  return row.cells.filter((cell) => cell !== '');
}

/** A row with no text, or only the `------` rules the extraction drew under table headers. */
export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell === '' || /^-+$/.test(cell));
}

/** The same row with one cell's text replaced (a label already read removed), positions kept. */
export function replaceCell(row: SheetRow, index: number, text: string): SheetRow {
  return { ...row, cells: row.cells.map((cell, i) => (i === index ? text : cell)) };
}

/** Index of the first cell that holds text; -1 for a blank row. */
export function firstFilledIndex(row: SheetRow): number {
  return row.cells.findIndex((cell) => cell !== '');
}
