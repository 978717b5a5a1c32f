import type { PrintedRun } from './printed-run';
import { joinWrapped } from './join-wrapped';
import { cellStarts, tableColumns } from './table-columns';

/** A line of the extracted text, with the page and the printed line (from the top, 1-based) it starts on. */
export interface ExtractedLine {
  readonly text: string;
  readonly page: number;
  readonly line: number;
  /** A tagged paragraph (one cell) or table row: its cells, so a page break inside it can be mended. */
  readonly flow?: Flow;
}

/** The cells of a paragraph or row, and which of them end on a full printed line (may go on over the page). */
export interface Flow {
  readonly kind: 'paragraph' | 'row';
  readonly cells: readonly string[];
  readonly open: readonly boolean[];
}

/** One page read: its lines, and the columns of the table it ends with (a table may go on over the page). */
export interface ReadPage {
  readonly lines: ExtractedLine[];
  readonly openTable: readonly number[] | null;
}

/** Runs whose baselines differ by less than this (× the font size) are on one printed line. */
const SAME_LINE = 0.35;
/** A gap wider than this (× the font size) between two runs of one line holds a space. */
const WORD_GAP = 0.25;
/** A last printed line that ends less than this (× the font size) short of its column's right edge is full. */
const FULL_LINE = 1.2;
/** A gap wider than this between two runs of an untagged line parts two table cells: a tab. */
const COLUMN_GAP = 0.8;
/** More than this (× the font size) from one baseline to the next is a paragraph break: a blank line. */
const PARAGRAPH_GAP = 2.2;

interface PrintedLine {
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
  readonly table: number | null;
}

/**
 * One page's text as lines, in reading order. The runs are set into printed lines by their baselines and
 * numbered from the top (margins included: the numbers a reader counts on the page). A tagged PDF says
 * what belongs together: a paragraph becomes one line however many lines it is printed on, a table row one
 * line of tab-separated cells, each cell at the index of its column (`tableColumns`), so an empty cell
 * keeps its place as in the text files. Untagged text stays as printed, a wide gap read as a tab: the
 * extraction-noise pass then joins what was wrapped, as for any text extraction. `carried` is the columns
 * of the table the page before ended with.
 */
export function readPage(page: number, runs: readonly PrintedRun[], carried: readonly number[] | null): ReadPage {
  const printed = printedLines(runs);
  const lineOf = new Map<PrintedRun, number>();
  printed.forEach((line, index) => line.runs.forEach((run) => lineOf.set(run, index + 1)));
  const units = unitsOf(printed, lineOf);
  const columns = tableColumns(units, carried);
  const cellsOf = (unit: Unit): Map<number, PrintedRun[]> => cellsByColumn(unit, columns.get(unit.table ?? -1) ?? []);
  const rightEdges = columnRightEdges(units, cellsOf, lineOf);
  const lines: ExtractedLine[] = page > 1 ? [{ text: '\f', page, line: 1 }] : [];
  let previous: Unit | undefined;
  for (const unit of units) {
    const top = printed[unit.first - 1];
    const above = previous && printed[previous.last - 1];
    if (top && above && above.y - top.y > PARAGRAPH_GAP * top.size) lines.push({ text: '', page, line: unit.first });
    if (unit.runs.every((run) => run.place === null)) {
      lines.push({ text: untaggedText(unit), page, line: unit.first });
    } else {
      const flow = flowOf(unit, cellsOf(unit), lineOf, rightEdges);
      lines.push({ text: flow.cells.join('\t'), page, line: unit.first, flow });
    }
    previous = unit;
  }
  const last = units.filter((unit) => unit.runs.some((run) => run.place !== null)).at(-1);
  return { lines, openTable: last?.table != null ? (columns.get(last.table) ?? null) : null };
}

function printedLines(runs: readonly PrintedRun[]): PrintedLine[] {
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
          ? `row ${place.row}`
          : place?.kind === 'block'
            ? `block ${place.block}`
            : `line ${index}`;
      const unit = units.get(key) ?? {
        runs: [],
        first: index + 1,
        last: index + 1,
        table: place?.kind === 'cell' ? place.table : null,
      };
      unit.runs.push(run);
      unit.last = Math.max(unit.last, lineOf.get(run) ?? unit.last);
      units.set(key, unit);
    }
  });
  const left = (unit: Unit): number => Math.min(...unit.runs.map((run) => run.x));
  return [...units.values()].sort((a, b) => a.first - b.first || left(a) - left(b));
}

/** A paragraph's or a cell's text: its printed lines joined as they were wrapped. */
export function flowText(runs: readonly PrintedRun[], lineOf: ReadonlyMap<PrintedRun, number>): string {
  const byLine = new Map<number, PrintedRun[]>();
  for (const run of runs) {
    const line = lineOf.get(run) ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), run]);
  }
  return [...byLine]
    .sort(([a], [b]) => a - b)
    .map(([, line]) => joinRuns(line.sort((a, b) => a.x - b.x)))
    .reduce((text, line) => (text === '' ? line : joinWrapped(text, line)), '')
    .trimEnd();
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

/** A paragraph's runs as its one cell, or a row's runs by the index of their cell's column (`tableColumns`). */
function cellsByColumn(unit: Unit, columns: readonly number[]): Map<number, PrintedRun[]> {
  const cells = new Map<number, PrintedRun[]>();
  const starts = cellStarts(unit.runs);
  for (const run of unit.runs) {
    const index =
      unit.table === null || run.place?.kind !== 'cell' ? 0 : columnIndex(columns, starts.get(run.place.cell) ?? 0);
    cells.set(index, [...(cells.get(index) ?? []), run]);
  }
  return cells;
}

/**
 * How far right each column's wrapped text reaches (key `table/column`; paragraphs share `page`): where a
 * full printed line ends. Only lines a wrap followed count, so a column whose cells all fit on one line has
 * no edge, and none of its cells is taken to go on over a page.
 */
function columnRightEdges(
  units: readonly Unit[],
  cellsOf: (unit: Unit) => ReadonlyMap<number, readonly PrintedRun[]>,
  lineOf: ReadonlyMap<PrintedRun, number>,
): Map<string, number> {
  const edges = new Map<string, number>();
  for (const unit of units) {
    if (unit.runs.every((run) => run.place === null)) continue;
    for (const [index, runs] of cellsOf(unit)) {
      const last = Math.max(...runs.map((run) => lineOf.get(run) ?? 0));
      const wrapped = runs.filter((run) => (lineOf.get(run) ?? 0) < last);
      if (wrapped.length === 0) continue;
      const key = edgeKey(unit, index);
      edges.set(key, Math.max(edges.get(key) ?? 0, ...wrapped.map((run) => run.right)));
    }
  }
  return edges;
}

function edgeKey(unit: Unit, column: number): string {
  return unit.table === null ? 'page' : `${unit.table}/${column}`;
}

function flowOf(
  unit: Unit,
  cells: ReadonlyMap<number, readonly PrintedRun[]>,
  lineOf: ReadonlyMap<PrintedRun, number>,
  rightEdges: ReadonlyMap<string, number>,
): Flow {
  const texts: string[] = [];
  const open: boolean[] = [];
  for (const [index, runs] of cells) {
    texts[index] = flowText(runs, lineOf);
    const last = Math.max(...runs.map((run) => lineOf.get(run) ?? 0));
    const ending = runs.filter((run) => lineOf.get(run) === last);
    const right = Math.max(...ending.map((run) => run.right));
    const size = ending[0]?.size ?? 0;
    const edge = rightEdges.get(edgeKey(unit, index));
    open[index] = edge !== undefined && right >= edge - FULL_LINE * size;
  }
  return {
    kind: unit.table === null ? 'paragraph' : 'row',
    cells: Array.from(texts, (text) => text ?? ''),
    open: Array.from(open, (value) => value ?? false),
  };
}

function columnIndex(columns: readonly number[], x: number): number {
  let best = 0;
  columns.forEach((column, index) => {
    if (Math.abs(column - x) < Math.abs((columns[best] ?? 0) - x)) best = index;
  });
  return best;
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
