import { COLUMN_GAP, type PrintedLine } from './page-lines';
import type { PrintedRun } from './printed-run';

/** Baselines at most this far apart (× the font size) are lines of one table: rows with their padding. */
export const TABLE_PITCH = 2;
/** Baselines more than this far apart (× the font size) start a new row: a cell's own lines are set closer. */
const ROW_PITCH = 1.55;
/** Cell starts closer than this (points) line up: one column. */
const ALIGNED = 1.5;

/** A run's cell in a table read without ruling lines: the page's table (from 0, top first), row and column. */
export interface StreamCell {
  readonly table: number;
  readonly row: number;
  readonly column: number;
}

/** A table read from aligned text: its columns (left to right), first and last printed line, rows. */
export interface StreamTable {
  readonly columns: readonly number[];
  readonly first: PrintedLine;
  readonly last: PrintedLine;
  readonly rows: number;
  /** Whether it goes on the table ending the page before: its first row that table's last one, or a new row. */
  readonly continues: 'row' | 'table' | null;
  /** Where the columns start whose cell in the last row ends on a full line (its column's widest reach). */
  readonly open: readonly number[];
}

/** The tables of a page read from aligned text: each run's cell, or the line no column can be decided for. */
export interface StreamTables {
  readonly cells: ReadonlyMap<PrintedRun, StreamCell>;
  readonly tables: readonly StreamTable[];
  /** A line inside a table whose text starts at no column of it: which cell it goes on cannot be told. */
  readonly undecided: PrintedLine | null;
}

/**
 * Tables drawn without ruling lines, read as the stream method of Camelot, Tabula and pdfplumber reads them:
 * a table starts at a printed line parted into cells by gaps wider than any space (`COLUMN_GAP`); its columns
 * are where those cells start (left-aligned text), and lines just above whose cells all start there open it
 * (rows whose other cells are empty); a line that follows at the table's pitch and whose every cell starts at
 * one of its columns, or that is itself parted into cells some of which do, goes on the table (new columns
 * added); a row ends where the next line follows further than a cell's own line pitch (the cells' padding).
 * A cell's wrapped lines are then joined as a ruled table's are. `carried`: the table ending the page before
 * (its columns, and those its last row may go on in). A single line right after a table that starts inside
 * it but at none of its columns is `undecided`: the reading stops there rather than guess its cell.
 */
export function streamTables(
  lines: readonly PrintedLine[],
  carried: { readonly columns: readonly number[]; readonly open: readonly number[] } | null,
  leftEdge: number,
): StreamTables {
  const cells = new Map<PrintedRun, StreamCell>();
  const tables: {
    columns: number[];
    first: PrintedLine;
    last: PrintedLine;
    rows: number;
    spans: { x: number; right: number }[];
    lastRow: Map<number, { y: number; right: number; size: number }>;
    continues: 'row' | 'table' | null;
  }[] = [];
  let table: (typeof tables)[number] | null = null;
  // The page's first line goes on the table that ended the page before when each of its cells starts at one
  // of that table's columns; it goes on that table's last row (the rest of the row the break cut) when each
  // starts at a column whose cell in that row ended on a full line.
  const top = lines[0];
  const startsAt = (columns: readonly number[]): boolean =>
    top !== undefined && cellsOf(top).every((part) => columns.some((x) => Math.abs((part[0]?.x ?? 0) - x) <= ALIGNED));
  if (carried && top && startsAt(carried.columns)) {
    const continues = startsAt(carried.open) ? 'row' : 'table';
    table = { columns: [...carried.columns], first: top, last: top, rows: 1, spans: [], lastRow: new Map(), continues };
    tables.push(table);
  }
  const inTable = new Set<PrintedLine>();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const parts = cellsOf(line);
    const starts = parts.map((part) => part[0]?.x ?? 0);
    const near = table !== null && table.last.y - line.y <= TABLE_PITCH * line.size;
    const columns = table?.columns ?? [];
    const aligned = (x: number): boolean => columns.some((column) => Math.abs(column - x) <= ALIGNED);
    const goesOn = table !== null && near && (starts.every(aligned) || (parts.length > 1 && starts.some(aligned)));
    if (table && goesOn) {
      if (table.last.y - line.y > ROW_PITCH * line.size) {
        table.rows++;
        table.lastRow.clear();
      }
      for (const x of starts) if (!aligned(x)) table.columns.push(x);
      table.last = line;
    } else if (table && near && (starts[0] ?? 0) > (table.columns[0] ?? 0) + ALIGNED && parts.length === 1) {
      return { cells, tables: sorted(tables, leftEdge), undecided: line };
    } else if (parts.length > 1) {
      // Rows above whose cells all start at this line's columns (the other cells empty) open the table.
      const first = openingLine(lines, index, starts, inTable);
      const opening = lines[first] ?? line;
      table = {
        columns: [...starts],
        first: opening,
        last: opening,
        rows: 1,
        spans: [],
        lastRow: new Map(),
        continues: null,
      };
      tables.push(table);
      if (first < index) {
        index = first - 1;
        continue;
      }
    } else {
      table = null;
      continue;
    }
    inTable.add(line);
    const current = table;
    parts.forEach((part) => {
      const x = part[0]?.x ?? 0;
      const column = current.columns.findIndex((start) => Math.abs(start - x) <= ALIGNED);
      for (const run of part) cells.set(run, { table: tables.length - 1, row: current.rows - 1, column });
      const right = Math.max(...part.map((run) => run.right));
      current.spans.push({ x, right });
      current.lastRow.set(column, { y: line.y, right, size: line.size });
    });
  }
  return { cells, tables: sorted(tables, leftEdge), undecided: null };
}

/**
 * Whether a cell's line ending at `end.right` is full: a full-width character more would not have fitted
 * before the next column's text less the cells' padding (both sides); in the last column, beyond its widest line.
 */
function fillsColumn(
  table: { readonly columns: readonly number[]; readonly spans: readonly { x: number; right: number }[] },
  x: number,
  end: { readonly right: number; readonly size: number },
  leftEdge: number,
): boolean {
  const next = (at: number): number | undefined =>
    table.columns.filter((column) => column > at + ALIGNED).sort((a, b) => a - b)[0];
  // A cell's padding on either side: its first column's text starts that far in from the text's left edge.
  const padding = Math.max(0, 2 * ((table.columns[0] ?? leftEdge) - leftEdge));
  const bound = next(x);
  if (bound !== undefined) return bound - padding - end.right < end.size;
  // The last column filled on the page: as far as its widest line reaches (an empty column may follow).
  const reach = Math.max(...table.spans.filter((span) => Math.abs(span.x - x) <= ALIGNED).map((span) => span.right));
  return reach - end.right < end.size;
}

function sorted(
  tables: readonly {
    columns: number[];
    first: PrintedLine;
    last: PrintedLine;
    rows: number;
    spans: readonly { x: number; right: number }[];
    lastRow: ReadonlyMap<number, { y: number; right: number; size: number }>;
    continues: 'row' | 'table' | null;
  }[],
  leftEdge: number,
): StreamTable[] {
  return tables.map((table) => ({
    columns: [...table.columns].sort((a, b) => a - b),
    first: table.first,
    last: table.last,
    rows: table.rows,
    continues: table.continues,
    open: [...table.lastRow]
      .filter(([column, end]) => fillsColumn(table, table.columns[column] ?? 0, end, leftEdge))
      .map(([column]) => table.columns[column] ?? 0),
  }));
}

/** The index of the first line of a table whose first line parted into cells (at `starts`) is `index`. */
function openingLine(
  lines: readonly PrintedLine[],
  index: number,
  starts: readonly number[],
  inTable: ReadonlySet<PrintedLine>,
): number {
  let first = index;
  for (let above = lines[first - 1]; above && !inTable.has(above); above = lines[first - 1]) {
    const below = lines[first];
    if (!below || above.y - below.y > TABLE_PITCH * below.size) break;
    if (!cellsOf(above).every((part) => starts.some((x) => Math.abs((part[0]?.x ?? 0) - x) <= ALIGNED))) break;
    first--;
  }
  return first;
}

/** A printed line's cells: its runs parted where a gap is wider than any space. */
function cellsOf(line: PrintedLine): PrintedRun[][] {
  const parts: PrintedRun[][] = [];
  for (const run of line.runs) {
    const part = parts.at(-1);
    const end = part?.at(-1);
    if (part && end && run.x - end.right <= COLUMN_GAP * run.size) part.push(run);
    else parts.push([run]);
  }
  return parts;
}
