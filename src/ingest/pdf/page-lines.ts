import type { PrintedRun } from './printed-run';
import { joinWrapped } from '../join-wrapped';
import { cellKey, cellStarts, columnIndex } from './table-columns';

/** A line of the extracted text, with the page and the printed line (from the top, 1-based) it starts on. */
export interface ExtractedLine {
  readonly text: string;
  readonly page: number;
  readonly line: number;
  /** A tagged paragraph or table row, so what a page break cut can be put together again. */
  readonly flow?: Flow;
}

/**
 * A tagged paragraph, and whether it ends on a full printed line (so may go on over the page); or a table
 * row, named by its table (numbered in the document) and its index there, and its cells, one per cell
 * element of the row, empty or not.
 */
export type Flow =
  | { readonly kind: 'paragraph'; readonly text: string; readonly open: boolean }
  | { readonly kind: 'row'; readonly row: string; readonly cells: readonly string[] };

/** A table of the page: its number in the document, and its columns (`columnsOf`) on every page it is on. */
export interface TableOnPage {
  readonly id: number;
  readonly columns: readonly number[];
}

/** Runs whose baselines differ by less than this (× the font size) are on one printed line. */
const SAME_LINE = 0.35;
/** A gap wider than this (× the font size) between two runs of one line holds a space. */
const WORD_GAP = 0.25;
/** A last printed line that ends less than this (× the font size) short of the text's right edge is full. */
const FULL_LINE = 1.2;
/** A gap wider than this between two runs of an untagged line parts two table cells: a tab. */
export const COLUMN_GAP = 0.8;
/** More than this (× the font size) from one baseline to the next is a paragraph break: a blank line. */
const PARAGRAPH_GAP = 2.2;

export interface PrintedLine {
  readonly y: number;
  readonly size: number;
  readonly runs: PrintedRun[];
}

/** What becomes one line of text: a paragraph, a table row, or (no tags) one printed line. */
interface Unit {
  readonly runs: PrintedRun[];
  /** First and last printed line (1-based) the unit's runs are on. */
  first: number;
  last: number;
  /** A table row's place: the page's table number and the row's index in it. */
  readonly row: { readonly table: number; readonly index: number } | null;
}

/**
 * One page's text as lines, in reading order. The runs are set into printed lines by their baselines and
 * numbered from the top (margins included: the numbers a reader counts on the page). A tagged PDF says
 * what belongs together: a paragraph becomes one line however many lines it is printed on, a table row one
 * line of tab-separated cells, one per column of its table (`tables`: the page's tables by number), so an
 * empty cell keeps its tab as in the text files. Untagged text stays as printed, a wide gap read as a
 * tab: the extraction-noise pass then joins what was wrapped, as for any text extraction.
 */
export function readPage(
  page: number,
  runs: readonly PrintedRun[],
  tables: ReadonlyMap<number, TableOnPage>,
): ExtractedLine[] {
  const printed = printedLines(runs);
  const lineOf = new Map<PrintedRun, number>();
  printed.forEach((line, index) => line.runs.forEach((run) => lineOf.set(run, index + 1)));
  const units = unitsOf(printed, lineOf);
  const rightEdge = paragraphRightEdge(units, lineOf);
  const lines: ExtractedLine[] = page > 1 ? [{ text: '\f', page, line: 1 }] : [];
  let previous: Unit | undefined;
  for (const unit of units) {
    const top = printed[unit.first - 1];
    const above = previous && printed[previous.last - 1];
    if (top && above && above.y - top.y > PARAGRAPH_GAP * top.size) lines.push({ text: '', page, line: unit.first });
    if (unit.row) {
      const table = tables.get(unit.row.table);
      const flow = rowFlow(unit, table, lineOf);
      lines.push({ text: rowText(flow.cells), page, line: unit.first, flow });
    } else if (unit.runs.every((run) => run.place === null)) {
      lines.push({ text: untaggedText(unit), page, line: unit.first });
    } else {
      const flow = paragraphFlow(unit, lineOf, rightEdge);
      lines.push({ text: flow.text.trimEnd(), page, line: unit.first, flow });
    }
    previous = unit;
  }
  return lines;
}

export function printedLines(runs: readonly PrintedRun[]): PrintedLine[] {
  const sorted = runs.filter((run) => run.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PrintedLine[] = [];
  for (const run of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - run.y) <= SAME_LINE * Math.min(last.size, run.size)) last.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

function unitsOf(printed: readonly PrintedLine[], lineOf: ReadonlyMap<PrintedRun, number>): Unit[] {
  const units = new Map<string, Unit>();
  printed.forEach((line, index) => {
    for (const run of line.runs) {
      const place = run.place;
      const key =
        place?.kind === 'cell'
          ? `row ${place.table}/${place.row}`
          : place?.kind === 'block'
            ? `block ${place.block}`
            : `line ${index}`;
      const unit = units.get(key) ?? {
        runs: [],
        first: index + 1,
        last: index + 1,
        row: place?.kind === 'cell' ? { table: place.table, index: place.row } : null,
      };
      unit.runs.push(run);
      unit.last = Math.max(unit.last, lineOf.get(run) ?? unit.last);
      units.set(key, unit);
    }
  });
  const left = (unit: Unit): number => Math.min(...unit.runs.map((run) => run.x));
  return [...units.values()].sort((a, b) => a.first - b.first || left(a) - left(b));
}

/**
 * A paragraph's or a cell's text: its printed lines joined as they were wrapped. A space its last line ends
 * with stays (the text may go on over the page); the line's text drops it (`rowText`).
 */
export function flowText(runs: readonly PrintedRun[], lineOf: ReadonlyMap<PrintedRun, number>): string {
  const byLine = new Map<number, PrintedRun[]>();
  for (const run of runs) {
    const line = lineOf.get(run) ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), run]);
  }
  return [...byLine]
    .sort(([a], [b]) => a - b)
    .map(([, line]) => joinRuns(line.sort((a, b) => a.x - b.x)))
    .reduce((text, line) => (text === '' ? line : joinWrapped(text, line)), '');
}

/** A row's line: its cells, white space at their ends dropped, between tabs. */
export function rowText(cells: readonly string[]): string {
  return cells.map((cell) => cell.trimEnd()).join('\t');
}

/** An untagged printed line: cells apart where a gap is wider than any space. */
function untaggedText(unit: Unit): string {
  const cells: PrintedRun[][] = [];
  for (const run of unit.runs) {
    const cell = cells.at(-1);
    const end = cell?.at(-1);
    if (cell && end && run.x - end.right <= COLUMN_GAP * run.size) cell.push(run);
    else cells.push([run]);
  }
  return cells.map((cell) => joinRuns(cell).trim()).join('\t');
}

/** A row's cells: each cell's text at the index of its column, every column of the table a cell. */
function rowFlow(
  unit: Unit,
  table: TableOnPage | undefined,
  lineOf: ReadonlyMap<PrintedRun, number>,
): Flow & { kind: 'row' } {
  const columns = table?.columns ?? [];
  const starts = cellStarts(unit.runs);
  const byColumn = new Map<number, PrintedRun[]>();
  for (const run of unit.runs) {
    if (run.place?.kind !== 'cell') continue;
    const column = columnIndex(columns, starts.get(cellKey(run.place)) ?? 0);
    byColumn.set(column, [...(byColumn.get(column) ?? []), run]);
  }
  const count = Math.max(columns.length, ...[...byColumn.keys()].map((column) => column + 1));
  const cells = Array.from({ length: count }, (_, column) => flowText(byColumn.get(column) ?? [], lineOf));
  return { kind: 'row', row: `${table?.id ?? 0}/${unit.row?.index ?? 0}`, cells };
}

/**
 * How far right the page's paragraphs reach: where the longest printed line a wrap followed ends. None
 * when no paragraph on the page wraps, and then none is taken to go on over the page.
 */
function paragraphRightEdge(units: readonly Unit[], lineOf: ReadonlyMap<PrintedRun, number>): number | undefined {
  let edge: number | undefined;
  for (const unit of units) {
    if (unit.row || unit.runs.every((run) => run.place === null)) continue;
    const last = Math.max(...unit.runs.map((run) => lineOf.get(run) ?? 0));
    for (const run of unit.runs) if ((lineOf.get(run) ?? 0) < last) edge = Math.max(edge ?? 0, run.right);
  }
  return edge;
}

function paragraphFlow(
  unit: Unit,
  lineOf: ReadonlyMap<PrintedRun, number>,
  rightEdge: number | undefined,
): Flow & { kind: 'paragraph' } {
  const last = Math.max(...unit.runs.map((run) => lineOf.get(run) ?? 0));
  const ending = unit.runs.filter((run) => lineOf.get(run) === last);
  const right = Math.max(...ending.map((run) => run.right));
  const size = ending[0]?.size ?? 0;
  const open = rightEdge !== undefined && right >= rightEdge - FULL_LINE * size;
  return { kind: 'paragraph', text: flowText(unit.runs, lineOf), open };
}

/** The runs of one printed line, left to right, a space where the gap between two is as wide as one (spaces kept). */
function joinRuns(runs: readonly PrintedRun[]): string {
  let text = '';
  let end: number | null = null;
  for (const run of runs) {
    if (end !== null && run.x - end > WORD_GAP * run.size && !/\s$/.test(text)) text += ' ';
    text += run.text;
    end = run.right;
  }
  return text;
}
