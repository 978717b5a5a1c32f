import { filledCells, type Cell, type TabRow } from '../tab-row';

/**
 * A sheet row is `label | value…`: the first cell names the row, the cells after it hold its value, spread
 * over as many cells as the extraction left.
 */

/** The non-empty cells after the row's label. */
export function valueCells(row: TabRow): Cell[] {
  return filledCells(row, 1);
}

/** The row's values after its label, joined: for rows holding one free-text value that may be split over cells. */
export function joinedValue(row: TabRow): string {
  return valueCells(row)
    .map((cell) => cell.text)
    .join(' ');
}
