import { type FileLine, isBlankText } from './file-line';
import {
  brokeAtSpace,
  fillsColumn,
  isLatinBreak,
  joinAtBreak,
  type LineBreak,
  overflowsColumn,
  splitsLatinWords,
  recogniseCeiling,
  STARTS_CELL_ENTRY,
  type WrapColumn,
} from './wrap-column';

/**
 * Table cells wrapped by the extraction. A tool that sets a table row in cells of W display columns puts a
 * long cell's first piece in the row's line and each further piece on a line of its own, in the same column
 * (the same number of tabs before it), every other cell of that line empty; several cells of one row wrap
 * side by side. Japanese breaks between any two characters and adds no space, so pieces join by plain
 * concatenation, back into the one line per row that every table reader expects.
 *
 * Nothing is guessed:
 * - W is recognised from the document, never assumed: the ceiling no cell of a tab row passes, reached by
 *   three distinct cells at least, and MIN_COLUMN wide at least (`recogniseCeiling`). In today's files the
 *   widest cells are long texts of all lengths, so there is no ceiling and nothing is joined.
 * - A line continues the row above only when every cell it fills sits in a column whose piece above fills
 *   W (an open cell), and none of them starts a new entry (`●`, `←`, `①`, `- `, `1. `, `11 ` …: a row of its own). A
 *   line with no tab is one cell in column 0; it continues only a tab row, so prose stays to `joinRunningText`.
 * - A piece that does not fill W closes its cell: the cell ended there. And a tool breaks only where the
 *   text no longer fits, so a piece and the start of the next must together be wider than W
 *   (`overflowsColumn`): a short label above a short row was never one cell.
 * The joined row keeps the file line of its first line. A page break inside a wrapped cell is already gone
 * (page furniture is removed first), so its halves stand next to each other and join like any other.
 */
const MIN_COLUMN = 16;

export function joinWrappedCells(lines: readonly FileLine[]): FileLine[] {
  const column = recogniseCeiling(
    lines.filter((line) => isTabRow(line.text)).flatMap((line) => line.text.split('\t')),
    MIN_COLUMN,
  );
  if (column === null) return [...lines];
  // The document's own row labels first: where the layout alone says a line starts a row, its first cell is
  // a label that starts rows everywhere (`備考` after a label as wide as the column is a row, not its rest).
  // And the document's breaks say whether its tool splits Latin words (`splitsLatinWords`).
  const text = lines.map((line) => line.text).join('\n');
  const layout = joinRows(lines, column, new Set(), false, text);
  return joinRows(lines, column, new Set(layout.labels), splitsLatinWords(column, layout.breaks), text).lines;
}

/**
 * The lines with wrapped cells joined, the labels (`rowLabel`) of the tab rows that start a row, and the
 * breaks joined.
 */
function joinRows(
  lines: readonly FileLine[],
  column: WrapColumn,
  labels: ReadonlySet<string>,
  splitsWords: boolean,
  text: string,
): { readonly lines: FileLine[]; readonly labels: string[]; readonly breaks: LineBreak[] } {
  const out: FileLine[] = [];
  const breaks: LineBreak[] = [];
  const starts: string[] = [];
  let rowCells: string[] = [];
  let rowPrinted: string[] = [];
  let open = new Map<number, string>();
  for (const line of lines) {
    const cells = line.text.split('\t');
    // Folding widths keeps every character in its place, so the printed cells are cut where the cells are.
    const printedCells = (line.printed ?? line.text).split('\t');
    const filled = filledColumns(cells);
    const previous = out.at(-1);
    if (previous && !labels.has(rowLabel(cells)) && continuesRow(cells, filled, open, column, rowCells, text)) {
      for (const c of filled) {
        const piece = open.get(c) ?? '';
        const cell = { text: rowCells[c] ?? '', printed: rowPrinted[c] ?? rowCells[c] ?? '' };
        const next = { text: cells[c] ?? '', printed: printedCells[c] ?? cells[c] ?? '' };
        const joined = joinCell(column, cell, piece, next, splitsWords, text);
        rowCells[c] = joined.text;
        rowPrinted[c] = joined.printed;
        const cut = cell.text.length - piece.length;
        if (isLatinBreak([cell.printed.slice(cut), next.printed])) breaks.push([piece, next.text]);
      }
      out[out.length - 1] = { text: rowCells.join('\t'), fileLine: previous.fileLine, printed: rowPrinted.join('\t') };
      open = openCells(cells, filled, column);
    } else {
      out.push(line);
      rowCells = cells;
      rowPrinted = printedCells;
      open = isTabRow(line.text) ? openCells(cells, filled, column) : new Map<number, string>();
      if (isTabRow(line.text)) starts.push(rowLabel(cells));
    }
  }
  return { lines: out, labels: starts, breaks };
}

/** A row's label: its first filled cell, with the column it stands in. */
function rowLabel(cells: readonly string[]): string {
  const first = cells.findIndex((cell) => !isBlankText(cell));
  return `${first}\t${cells[first]?.trim() ?? ''}`;
}

/**
 * A mark a layout carries to the next line of a cell like any other character: a bullet after a sentence of
 * the same cell (`。 ●`, the space dropped at the break), a glossary mark after its word (`会議※`) or a
 * bracket (`【区域施策編】`). Where the piece above fills the column and the mark would not have fitted after it, the mark goes on the cell; a
 * numbered entry (`1.`, `11 `) still starts a row.
 */
const CARRIED_MARK = /^\s*[●○◯※・■□◆◇▲【①-⑳]/;

function continuesRow(
  cells: readonly string[],
  filled: readonly number[],
  open: ReadonlyMap<number, string>,
  column: WrapColumn,
  rowCells: readonly string[],
  text: string,
): boolean {
  const goesOn = (c: number, fits: (piece: string, next: string) => boolean): boolean => {
    const piece = open.get(c);
    const next = cells[c] ?? '';
    return (
      piece !== undefined &&
      (!STARTS_CELL_ENTRY.test(next) || CARRIED_MARK.test(next)) &&
      !nextNumber(rowCells[c] ?? '', next) &&
      fits(piece, next)
    );
  };
  // A cell whose rest would have fitted exactly but for a space (`brokeAtSpace`) goes on where a space was
  // written there (`spaceWritten`): before a bullet (`joinCell`), or where the document prints the characters
  // each side with a space elsewhere (`割合 [厚生…`); otherwise only with a cell that overflowed.
  const overflows = (piece: string, next: string): boolean =>
    overflowsColumn(column, piece, next) || (brokeAtSpace(column, piece, next) && spaceWritten(piece, next, text));
  const spaceBreak = (piece: string, next: string): boolean =>
    overflows(piece, next) || brokeAtSpace(column, piece, next);
  return filled.some((c) => goesOn(c, overflows)) && filled.every((c) => goesOn(c, spaceBreak));
}

/**
 * Whether `next` is the next item of a numbered list: the cell above starts with a number (`5 ジェンダー…`),
 * and so does this piece, even with no space after it (`10人や国の不平等…`, as 000 prints SDG 10).
 */
function nextNumber(cellAbove: string, next: string): boolean {
  return /^\s*\d+\s/.test(cellAbove) && /^\s*\d/.test(next);
}

/** The cells whose piece fills the column, by column, with that piece: they may continue on the next line. */
function openCells(cells: readonly string[], filled: readonly number[], column: WrapColumn): Map<number, string> {
  return new Map(filled.flatMap((c) => (fillsColumn(column, cells[c] ?? '') ? [[c, cells[c] ?? '']] : [])));
}

function filledColumns(cells: readonly string[]): number[] {
  return cells.flatMap((cell, c) => (isBlankText(cell) ? [] : [c]));
}

function isTabRow(text: string): boolean {
  return text.includes('\t');
}

/**
 * A cell whose last piece is `piece`, with its rest (`joinAtBreak`). The space a layout dropped comes back
 * where the rest would have fitted but for it (`brokeAtSpace`) and the documents write one there
 * (`spaceWritten`): only where the document writes those characters with a space between them elsewhere,
 * since a ragged edge leaves the same room as a dropped space (`プ` `ラン` of `本庄版ネットワークプラン` and
 * `令和` `2年度` take none, `開始` `年度末` takes the one the other targets print). And before a
 * bullet that goes on a cell: it
 * starts an item of the cell, which the documents set off by a space (every `●`/`○` inside a cell of the five
 * follows a space (150 places), a tab or a tag).
 */
function joinCell(
  column: WrapColumn,
  cell: Printed,
  piece: string,
  rest: Printed,
  splitsWords: boolean,
  text: string,
): Printed {
  const cut = cell.text.length - piece.length;
  const [before, printedBefore] = [cell.text.slice(0, cut), cell.printed.slice(0, cut)];
  const printedPiece = cell.printed.slice(cut);
  const spaceDropped =
    (brokeAtSpace(column, piece, rest.text) && spaceWritten(piece, rest.text, text)) ||
    (ITEM_BULLET.test(rest.text) && !/[\s>]$/.test(piece));
  const joined = spaceDropped
    ? { text: `${piece} ${rest.text}`, printed: `${printedPiece} ${rest.printed}` }
    : joinAtBreak(piece, rest.text, splitsWords, [printedPiece, rest.printed]);
  return { text: before + joined.text, printed: printedBefore + joined.printed };
}

/** A text with its printed form (before widths were folded, character for character). */
interface Printed {
  readonly text: string;
  readonly printed: string;
}

const ITEM_BULLET = /^[●○◯]/;

/**
 * Whether the documents write a space between `piece` and `next`: before a bullet; elsewhere only where `text`
 * (the document) prints the characters each side of the break with a space between them, since a ragged edge
 * leaves the same room as a dropped space. Next to half-width text one character each side is the evidence (a
 * word boundary: `合 [` of `割合 [厚生…`), and the document decides both ways: `令和` `2年度` and `PR` `効果`
 * take none, as the document never prints `和 2` or `R 効`. Between two Japanese characters, where Japanese
 * writes none, two each side (`開始 年度末`).
 */
function spaceWritten(piece: string, next: string, text: string): boolean {
  if (ITEM_BULLET.test(next)) return true;
  const halfWidth = /[\x21-\x7e]$/.test(piece.trimEnd()) || /^[\x21-\x7e]/.test(next.trimStart());
  const size = halfWidth ? 1 : 2;
  const [before, after] = [[...piece.trimEnd()].slice(-size).join(''), [...next.trimStart()].slice(0, size).join('')];
  return before.length === size && after.length === size && text.includes(`${before} ${after}`);
}
