import type { PrintedRun } from './printed-run';

/** A unit of a page as `tableColumns` needs it: its runs, first printed line, and table (null: not a row). */
interface TableUnit {
  readonly runs: readonly PrintedRun[];
  readonly first: number;
  readonly table: number | null;
}

/** Two cell starts closer than this (points) are one column: a table's cells line up on its grid. */
const SAME_COLUMN = 3;

/**
 * The columns of each table on a page, as the left edges where its cells' text starts, left to right. A tagged
 * PDF leaves an empty cell out of its row, so a cell's index is the rank of its column among the starts
 * that the table's filled cells show (a column no row of the table fills on the page is not seen). A table
 * the page starts with and whose columns are mostly (half at least) those of the table the page before
 * ended with (`carried`) is that table going on: it keeps those columns, so a row of page 2 whose first cells are
 * empty keeps its tabs.
 */
export function tableColumns(units: readonly TableUnit[], carried: readonly number[] | null): Map<number, number[]> {
  const starts = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.table === null) continue;
    starts.set(unit.table, [...(starts.get(unit.table) ?? []), ...cellStarts(unit.runs).values()]);
  }
  const columns = new Map([...starts].map(([table, xs]): [number, number[]] => [table, clusters(xs)]));
  const firstContent = units.find((unit) => unit.runs.some((run) => run.place !== null));
  const first = firstContent?.table;
  if (carried && first != null) {
    const own = columns.get(first) ?? [];
    const shared = own.filter((x) => carried.some((column) => Math.abs(column - x) <= SAME_COLUMN));
    if (shared.length > 0 && shared.length * 2 >= own.length) {
      columns.set(first, clusters([...carried, ...own]));
    }
  }
  return columns;
}

/** The left edge of each cell's first printed line, by cell number (runs of one cell share it). */
export function cellStarts(runs: readonly PrintedRun[]): Map<number, number> {
  const first = new Map<number, PrintedRun>();
  for (const run of runs) {
    if (run.place?.kind !== 'cell') continue;
    const seen = first.get(run.place.cell);
    if (!seen || run.y > seen.y + 0.5 || (Math.abs(run.y - seen.y) <= 0.5 && run.x < seen.x))
      first.set(run.place.cell, run);
  }
  return new Map([...first].map(([cell, run]): [number, number] => [cell, run.x]));
}

function clusters(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) {
    const last = out.at(-1);
    if (last === undefined || x - last > SAME_COLUMN) out.push(x);
  }
  return out;
}
