import type { SourceDocument, SourceRef } from '../source-document';
import { matchKey, stripTags, tidy } from '../text';

/**
 * One line of the document read as a table row: the PDF extraction separates cells with tabs, but how
 * many empty cells sit between two values drifts from sheet to sheet, so callers look values up by the
 * label cells around them rather than by column number.
 */
export interface TableRow {
  readonly line: number;
  readonly source: SourceRef;
  /** The raw line, for error messages. */
  readonly raw: string;
  /** Cell texts, HTML fragments removed and white space tidied; empty cells kept so columns still line up. */
  readonly cells: readonly string[];
}

/** A non-empty cell and its column. */
export interface Cell {
  readonly column: number;
  readonly text: string;
}

export function readRow(doc: SourceDocument, line: number): TableRow {
  const raw = doc.line(line);
  return { line, source: doc.ref(line), raw, cells: raw.split('\t').map(cellText) };
}

/** Stored form of a cell: markup removed (real tags only; `<令和6年度計画変更>` stays), spaces collapsed. */
export function cellText(raw: string): string {
  return tidy(stripTags(raw));
}

/** The label key of a cell: how labels are compared, blind to width and stray spaces (`R 6年度末の 取組状況報告`). */
export function labelKey(text: string): string {
  return matchKey(text);
}

export function isBlank(row: TableRow): boolean {
  return row.cells.every((cell) => cell === '');
}

/** Non-empty cells from column `from` (inclusive) up to `to` (exclusive). */
export function filledCells(row: TableRow, from = 1, to = row.cells.length): Cell[] {
  const filled: Cell[] = [];
  row.cells.forEach((text, column) => {
    if (column >= from && column < to && text !== '') filled.push({ column, text });
  });
  return filled;
}

/** The row's values after its label, joined: for rows holding one free-text value that may be split over cells. */
export function joinedValue(row: TableRow): string {
  return filledCells(row)
    .map((cell) => cell.text)
    .join(' ');
}

/** Column of the first cell whose label key is `label`'s, or -1. */
export function columnOf(row: TableRow, label: string): number {
  const key = labelKey(label);
  return row.cells.findIndex((cell) => labelKey(cell) === key);
}
