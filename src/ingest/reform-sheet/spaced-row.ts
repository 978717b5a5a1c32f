import { ParseError } from '../parse-error';
import { type TabRow, cellText } from '../tab-row';
import { matchKey, tidy } from '../../core/text/index';
import { type SheetRowKind, sheetRowKind } from './sheet-rows';

/**
 * A sheet row a text dump printed with one space between its cells instead of a tab, as it may where no cell
 * of the row is empty: one cell in which labels, values and the spaces inside them all look alike. It is cut
 * again by what the sheets say, never by a width or a count of spaces:
 *
 * - the label is the one run of words at the row's start that is a label of the sheets' closed set;
 * - the 開始年度 and 実行課 rows by the labels inside them (`達成目標年度`, `SDGs関連No.`, `連携課`);
 * - the 年度 row by its era years (`R 5`, `R6`);
 * - the 各年度達成目標 row into one target per year of the 年度 row (`spacedTargets`), which holds only where
 *   its words are as many as the years;
 * - every other row holds one text, which its readers join over its cells with a space anyway.
 *
 * Where two cuts print the same line, the row is refused (`AmbiguousCellsError`) with both.
 */
export interface SpacedRow {
  readonly kind: SheetRowKind;
  readonly row: OneSpaceApart;
}

/** A row cut from a line printed one space apart (its targets, if a 各年度達成目標 row, still in one cell). */
interface OneSpaceApart extends TabRow {
  readonly oneSpaceApart: true;
}

export function isSpacedRow(row: TabRow): row is OneSpaceApart {
  return 'oneSpaceApart' in row;
}

/**
 * Two ways to cut a row printed one space apart that both print it as found: no reader can tell which cells
 * the document had. The message names the document, the line and both readings.
 */
export class AmbiguousCellsError extends ParseError {
  constructor(
    row: TabRow,
    readonly readings: readonly [readonly string[], readonly string[]],
  ) {
    super(
      row.source,
      `cells that only one cut of the line gives, the line being printed with one space between its cells ` +
        `(two readings: ${showCells(readings[0])} or ${showCells(readings[1])})`,
      row.raw,
    );
    this.name = 'AmbiguousCellsError';
  }
}

function showCells(cells: readonly string[]): string {
  return cells.map((cell) => JSON.stringify(cell)).join(' | ');
}

/**
 * The row cut into its cells when it is one cell that starts with a label followed by a space (a row printed
 * one space apart); null when it is no such row. The 各年度達成目標 row keeps its targets in one cell for
 * `spacedTargets`, which needs the years.
 */
export function readSpacedRow(row: TabRow): SpacedRow | null {
  if (row.cells.length !== 1) return null;
  const words = tidy(row.cells[0] ?? '').split(' ');
  const labels = words.flatMap((_, i) => {
    const kind = i + 1 < words.length ? sheetRowKind(words.slice(0, i + 1).join(' ')) : null;
    return kind === null || kind === 'theme' ? [] : [{ kind, size: i + 1 }];
  });
  const [label, other] = labels;
  if (!label) return null;
  if (other) throw new AmbiguousCellsError(row, [asCells(words, label.size), asCells(words, other.size)]);
  const rest = words.slice(label.size);
  const text = words.slice(0, label.size).join(' ');
  const cells = [text, ...valueCells(row, label.kind, text, rest)];
  return { kind: label.kind, row: { ...row, cells: cells.map(cellText), oneSpaceApart: true } };
}

function asCells(words: readonly string[], labelSize: number): string[] {
  return [words.slice(0, labelSize).join(' '), words.slice(labelSize).join(' ')];
}

/** Labels printed inside a row, between its values. */
const INNER_LABELS: Partial<Record<SheetRowKind, readonly string[]>> = {
  years: ['達成目標年度', 'SDGs関連No.'],
  participants: ['連携課'],
};

/** An era year as a 年度 cell holds it, at the start of the text. */
const ERA_YEAR = /^(?:平成|令和|[HR])\s*(?:元|\d{1,2})(?:年度?)?(?:\s|$)/;

function valueCells(row: TabRow, kind: SheetRowKind, label: string, words: readonly string[]): string[] {
  const inner = INNER_LABELS[kind];
  if (inner) return cutAtLabels(row, kind, label, words, inner.map(matchKey));
  if (kind === 'yearHeader') return eraYears(row, words.join(' '));
  return [words.join(' ')];
}

/**
 * The values between the labels inside a row, one cell each. A 実行課 or 連携課 value of several words may
 * have been one cell or several (`企画課 情報システム課`), which the readers take as one name or several:
 * both readings are named.
 */
function cutAtLabels(
  row: TabRow,
  kind: SheetRowKind,
  label: string,
  words: readonly string[],
  labels: readonly string[],
): string[] {
  const segments: string[][] = [];
  for (const word of words) {
    const last = segments.at(-1);
    const isLabel = labels.includes(matchKey(word));
    if (isLabel || !last || labels.includes(matchKey(last[0] ?? ''))) segments.push([word]);
    else last.push(word);
  }
  const cells = segments.map((segment) => segment.join(' '));
  const split = segments.findIndex((segment) => segment.length > 1);
  if (kind === 'participants' && split >= 0) {
    const asWords = segments.flatMap((segment, i) => (i === split ? segment : [segment.join(' ')]));
    throw new AmbiguousCellsError(row, [
      [label, ...cells],
      [label, ...asWords],
    ]);
  }
  return cells;
}

/** The 年度 row's era years (`R 5 R 6 …`): their form says where each ends. */
function eraYears(row: TabRow, text: string): string[] {
  const years: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const match = ERA_YEAR.exec(rest);
    if (!match) throw new ParseError(row.source, 'the years R 5 … R 9 after 年度', row.raw);
    years.push(match[0].trim());
    rest = rest.slice(match[0].length).trim();
  }
  return years;
}

/**
 * The targets of a 各年度達成目標 row printed one space apart: one per year of the 年度 row, none empty (a row
 * is printed so only where every cell is filled). Where its words are as many as the years, each word is a
 * target; where they are more, a target held a space and several cuts print the line: refused with two.
 */
export function spacedTargets(row: TabRow, years: number): TabRow {
  const words = tidy(row.cells.slice(1).join(' '))
    .split(' ')
    .filter((word) => word !== '');
  const label = row.cells[0] ?? '';
  if (years === 1) return { ...row, cells: [label, words.join(' ')] };
  if (words.length === years) return { ...row, cells: [label, ...words] };
  if (words.length < years) {
    throw new ParseError(row.source, `${years} targets, one under each year of the 年度 row`, row.raw);
  }
  const extra = words.length - years;
  throw new AmbiguousCellsError(row, [
    [label, words.slice(0, extra + 1).join(' '), ...words.slice(extra + 1)],
    [label, ...words.slice(0, years - 1), words.slice(years - 1).join(' ')],
  ]);
}
