import type { PrintedRun } from './printed-run';

/** Two cell starts closer than this (points) are one column: a table's cells line up on its grid. */
const SAME_COLUMN = 3;

/**
 * Where each cell of a page's tables starts: the left edge of its first printed line, keyed by
 * `table/row/cell` (the page's table number, the row's index, the cell's rank among the row's tagged cells).
 */
export function cellStarts(runs: readonly PrintedRun[]): Map<string, number> {
  const first = new Map<string, PrintedRun>();
  for (const run of runs) {
    if (run.place?.kind !== 'cell') continue;
    const key = cellKey(run.place);
    const seen = first.get(key);
    if (!seen || run.y > seen.y + 0.5 || (Math.abs(run.y - seen.y) <= 0.5 && run.x < seen.x)) first.set(key, run);
  }
  return new Map([...first].map(([key, run]): [string, number] => [key, run.x]));
}

export function cellKey(place: { readonly table: number; readonly row: number; readonly cell: number }): string {
  return `${place.table}/${place.row}/${place.cell}`;
}

/**
 * A table's columns, left to right, from where its cells start on every page it is printed on. A tagged PDF
 * (Chromium's, at least) has no element for an empty cell, so a cell's index in its row is the rank of its
 * column among those some cell of the table fills.
 */
export function columnsOf(starts: readonly number[]): number[] {
  const sorted = [...starts].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) {
    const last = out.at(-1);
    if (last === undefined || x - last > SAME_COLUMN) out.push(x);
  }
  return out;
}

/** The index of the column nearest to `x`. */
export function columnIndex(columns: readonly number[], x: number): number {
  let best = 0;
  columns.forEach((column, index) => {
    if (Math.abs(column - x) < Math.abs((columns[best] ?? 0) - x)) best = index;
  });
  return best;
}
