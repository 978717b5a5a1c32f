import { PAGE_NUMBER } from '../extraction-noise/page-furniture';
import { layoutParagraphs } from './layout-paragraphs';
import { type PrintedLine, printedLines } from './page-lines';
import type { PrintedRun } from './printed-run';
import { cellOf, type RuledCell, type RuledTable, ruledTables, rowBorders } from './ruled-tables';
import type { Rule } from './ruling-lines';
import { streamTables, type StreamTables } from './stream-tables';

/** Grid lines closer than this (points) are the same column of a table going on over the page. */
const SAME_COLUMN = 2;

/**
 * The last ruled table of a page, as the next page may continue it: its columns and the index of its last row.
 */
export interface TableBelow {
  readonly columns: readonly number[];
  readonly lastRow: number;
  /** A table read without ruling lines: where the columns start whose cell in the last row ended on a full line. */
  readonly open?: readonly number[];
  /** A ruled table: where its last row's own vertical rules stand (`rowBorders`). */
  readonly lastRowBorders?: readonly number[];
}

/** Where the untagged pages' text starts and ends across, and the lowest baseline of a page's body. */
export interface TextEdges {
  readonly left: number;
  readonly right: number;
  /** By font size: the highest baseline a page's first body line of that size has in the document. */
  readonly tops: ReadonlyMap<number, { readonly highest: number; readonly lowest: number }>;
}

/** An untagged page read from its geometry: its runs with places, and which of its tables go on from before. */
export interface LaidOutPage {
  readonly runs: PrintedRun[];
  /** The page's tables by number (1, top first): whether the table goes on from the page before. */
  readonly tables: ReadonlyMap<number, { readonly continues: boolean }>;
  /** The page's last table when nothing but page furniture follows it, for the next page. */
  readonly below: TableBelow | null;
  /** A line of a table without ruling lines whose cell cannot be told (`streamTables`), refused; null if none. */
  readonly rulelessTable: PrintedLine | null;
  /**
   * Whether the page's first table goes on from the page before with its first row framed like any other: a
   * new row, or the rest of the row a page break cut, framed at the break (`PdfReadings`).
   */
  readonly framedTop: boolean;
}

/**
 * Gives an untagged page's runs the places a tagged PDF's structure tree would: each run inside a table its
 * ruling lines draw a cell of that table (`ruledTables`, `cellOf`), row by row; on a page without rules, each
 * run of a table drawn without them a cell as its aligned text shows it (`streamTables`); and the running text
 * paragraphs (`layoutParagraphs`), so `readPage` reads both as it reads a tagged page. A page number alone on
 * the page's first or last line stays without a place, as a tagged PDF leaves it (an artifact), for the page
 * furniture pass. A page's first table, printed first on the page, goes on from the page before when that
 * page ended on a table with the same columns; text above its first rule is the rest of the row the break cut.
 * A first row framed at its top is a new row, or with `rowGoesOn` the rest of the row before (`framedTop`).
 */
export function layoutStructure(
  runs: readonly PrintedRun[],
  rules: readonly Rule[],
  edges: TextEdges,
  before: TableBelow | null,
  rowGoesOn = false,
): LaidOutPage {
  const tables = ruledTables(rules);
  const cells = new Map<PrintedRun, RuledCell>();
  for (const run of runs) {
    const cell = run.text.trim() === '' ? null : cellOf(run, tables, rules);
    if (cell) cells.set(run, cell);
  }
  const lines = printedLines(runs.filter((run) => !cells.has(run)));
  const furniture = new Set(
    [lines[0], lines.at(-1)].filter((line) => line !== undefined && PAGE_NUMBER.test(textOf(line.runs))),
  );
  const text = lines.filter((line) => !furniture.has(line));
  // Tables without ruling lines are read only on a page without ruled ones: there lines outside the rules
  // keep their tabs for the text-level pass, as before.
  const stream =
    rules.length === 0 ? streamTables(text, carriedTable(text[0], edges, before), edges.left) : NO_STREAM_TABLES;
  const goesOnAs = before === null ? null : (stream.tables[0]?.continues ?? null);
  const streamGoesOn = goesOnAs !== null;
  const streamOffset = before === null || goesOnAs === null ? 0 : before.lastRow + (goesOnAs === 'row' ? 0 : 1);
  const blocks = new Map<PrintedRun, number>();
  layoutParagraphs(
    lines.filter((line) => !furniture.has(line) && !line.runs.some((run) => stream.cells.has(run))),
    edges.right,
  ).forEach((paragraph, index) => paragraph.forEach((run) => blocks.set(run, index + 1)));

  const topOfText = Math.max(-Infinity, ...[...blocks.keys()].map((run) => run.y));
  const bottomOfText = Math.min(Infinity, ...[...blocks.keys()].map((run) => run.y));
  const first = tables[0];
  const goesOn = before !== null && first !== undefined && first.top > topOfText && continues(first, before, rules);
  // Rows are numbered from the first rule; a row above it (-1) is the rest of the page before's last one.
  const cutAbove = [...cells.values()].some((cell) => cell.row < 0);
  const framedTop = goesOn && !cutAbove;
  const offset = goesOn ? before.lastRow + (framedTop && rowGoesOn ? 0 : 1) : cutAbove ? 1 : 0;
  const rowOf = (cell: RuledCell): number => cell.row + (cell.table === 0 ? offset : 0);

  const placed = runs.map((run): PrintedRun => {
    const cell = cells.get(run);
    if (cell) return { ...run, place: { kind: 'cell', table: cell.table + 1, row: rowOf(cell), cell: cell.column } };
    const streamCell = stream.cells.get(run);
    if (streamCell)
      return {
        ...run,
        place: {
          kind: 'cell',
          table: tables.length + streamCell.table + 1,
          row: streamCell.row + (streamCell.table === 0 ? streamOffset : 0),
          cell: streamCell.column,
        },
      };
    const block = blocks.get(run);
    return block === undefined ? run : { ...run, place: { kind: 'block', block } };
  });
  const lastStream = stream.tables.at(-1);
  const below =
    lastStream && lastStream.last === text.at(-1)
      ? {
          columns: lastStream.columns,
          open: lastStream.open,
          lastRow: lastStream.rows - 1 + (stream.tables.length === 1 ? streamOffset : 0),
        }
      : ruledBelow(tables, cells, rules, bottomOfText, rowOf);
  return {
    runs: placed,
    tables: new Map([
      ...tables.map((_, index): [number, { continues: boolean }] => [index + 1, { continues: index === 0 && goesOn }]),
      ...stream.tables.map((_, index): [number, { continues: boolean }] => [
        tables.length + index + 1,
        { continues: index === 0 && streamGoesOn },
      ]),
    ]),
    below,
    rulelessTable: stream.undecided,
    framedTop,
  };
}

const NO_STREAM_TABLES: StreamTables = { cells: new Map(), tables: [], undecided: null };

/**
 * The table ending the page before as the page's first line may go on it: a row a break cut goes on at the
 * page's top without its cells' top padding, so its first line is printed higher than a new row's. Where the
 * document's page tops show both heights, that decides; else a row goes on only in columns whose cell ended
 * on a full line.
 */
function carriedTable(
  top: PrintedLine | undefined,
  edges: TextEdges,
  before: TableBelow | null,
): { readonly columns: readonly number[]; readonly open: readonly number[] } | null {
  if (!before?.open || top === undefined) return null;
  const heights = edges.tops.get(Math.round(top.size * 10));
  if (heights === undefined || heights.highest - heights.lowest < 1)
    return { columns: before.columns, open: before.open };
  return { columns: before.columns, open: top.y > heights.highest - 1 ? before.columns : [] };
}

/**
 * Whether a page's first ruled table goes on from the table ending the page before: the same columns, or a first
 * row drawn with the borders of the last row before (the grids differ when either page holds rows of other cells
 * further on, as an office suite's stacked tables do).
 */
function continues(first: RuledTable, before: TableBelow, rules: readonly Rule[]): boolean {
  return (
    sameColumns(first.columns, before.columns) ||
    sameColumns(rowBorders(first, rules, 'first'), before.lastRowBorders ?? [])
  );
}

/** The page's last ruled table as the next page may continue it, when only furniture follows it; else null. */
function ruledBelow(
  tables: readonly RuledTable[],
  cells: ReadonlyMap<PrintedRun, RuledCell>,
  rules: readonly Rule[],
  bottomOfText: number,
  rowOf: (cell: RuledCell) => number,
): TableBelow | null {
  const last = tables.length - 1;
  const lastTable = tables[last];
  const lastRow = Math.max(-1, ...[...cells.values()].filter((cell) => cell.table === last).map((cell) => cell.row));
  if (!lastTable || lastTable.bottom >= bottomOfText || lastRow < 0) return null;
  return {
    columns: lastTable.columns,
    lastRow: rowOf({ table: last, row: lastRow, column: 0 }),
    lastRowBorders: rowBorders(lastTable, rules, 'last'),
  };
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, index) => Math.abs(x - (b[index] ?? Infinity)) <= SAME_COLUMN);
}

const textOf = (runs: readonly PrintedRun[]): string => runs.map((run) => run.text).join('');
