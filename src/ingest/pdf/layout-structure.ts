import { PAGE_NUMBER } from '../extraction-noise/page-furniture';
import { layoutParagraphs } from './layout-paragraphs';
import { type PrintedLine, printedLines } from './page-lines';
import type { PrintedRun } from './printed-run';
import { cellOf, type RuledCell, ruledTables } from './ruled-tables';
import type { Rule } from './ruling-lines';
import { rulelessTableStart } from './ruleless-tables';

/** Grid lines closer than this (points) are the same column of a table going on over the page. */
const SAME_COLUMN = 2;

/**
 * The last ruled table of a page, as the next page may continue it: its columns and the index of its last row.
 */
export interface TableBelow {
  readonly columns: readonly number[];
  readonly lastRow: number;
}

/** An untagged page read from its geometry: its runs with places, and which of its tables go on from before. */
export interface LaidOutPage {
  readonly runs: PrintedRun[];
  /** The page's tables by number (1, top first): whether the table goes on from the page before. */
  readonly tables: ReadonlyMap<number, { readonly continues: boolean }>;
  /** The page's last table when nothing but page furniture follows it, for the next page. */
  readonly below: TableBelow | null;
  /** The first line of a table drawn without ruling lines (`rulelessTableStart`), which is not read; null if none. */
  readonly rulelessTable: PrintedLine | null;
}

/**
 * Gives an untagged page's runs the places a tagged PDF's structure tree would: each run inside a table its
 * ruling lines draw a cell of that table (`ruledTables`, `cellOf`), row by row, and the running text
 * paragraphs (`layoutParagraphs`), so `readPage` reads both as it reads a tagged page. A page number alone on
 * the page's first or last line stays without a place, as a tagged PDF leaves it (an artifact), for the page
 * furniture pass. A page's first table, printed first on the page, goes on from the page before when that
 * page ended on a table with the same columns; text above its first rule is the rest of the row the break cut.
 */
export function layoutStructure(
  runs: readonly PrintedRun[],
  rules: readonly Rule[],
  rightEdge: number,
  before: TableBelow | null,
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
  const blocks = new Map<PrintedRun, number>();
  layoutParagraphs(
    lines.filter((line) => !furniture.has(line)),
    rightEdge,
  ).forEach((paragraph, index) => paragraph.forEach((run) => blocks.set(run, index + 1)));

  const topOfText = Math.max(-Infinity, ...[...blocks.keys()].map((run) => run.y));
  const bottomOfText = Math.min(Infinity, ...[...blocks.keys()].map((run) => run.y));
  const first = tables[0];
  const goesOn =
    before !== null && first !== undefined && first.top > topOfText && sameColumns(first.columns, before.columns);
  // Rows are numbered from the first rule; a row above it (-1) is the rest of the page before's last one.
  const offset = goesOn ? before.lastRow + 1 : [...cells.values()].some((cell) => cell.row < 0) ? 1 : 0;
  const rowOf = (cell: RuledCell): number => cell.row + (cell.table === 0 ? offset : 0);

  const placed = runs.map((run): PrintedRun => {
    const cell = cells.get(run);
    if (cell) return { ...run, place: { kind: 'cell', table: cell.table + 1, row: rowOf(cell), cell: cell.column } };
    const block = blocks.get(run);
    return block === undefined ? run : { ...run, place: { kind: 'block', block } };
  });
  const last = tables.length - 1;
  const lastTable = tables[last];
  const lastCells = [...cells.values()].filter((cell) => cell.table === last);
  const lastRow = Math.max(-1, ...lastCells.map((cell) => cell.row));
  const below =
    lastTable && lastTable.bottom < bottomOfText && lastRow >= 0
      ? { columns: lastTable.columns, lastRow: rowOf({ table: last, row: lastRow, column: 0 }) }
      : null;
  return {
    runs: placed,
    tables: new Map(tables.map((_, index) => [index + 1, { continues: index === 0 && goesOn }])),
    below,
    rulelessTable: rulelessTableStart(lines.filter((line) => !furniture.has(line))),
  };
}

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, index) => Math.abs(x - (b[index] ?? Infinity)) <= SAME_COLUMN);
}

const textOf = (runs: readonly PrintedRun[]): string => runs.map((run) => run.text).join('');
