import { type LineMeasure, MEASURES } from './line-measure';

/**
 * What running text and table cells share when an extraction re-wraps them: a column of W units (display
 * columns or characters, `line-measure.ts`) that every wrapped piece but the last fills. The column is
 * recognised from the document, never assumed.
 */

/** How much narrower than W a full line of running text may be, in display columns: a full-width character
 * that did not fit (1), and a closing mark or bullet the typesetter kept off the next line's start (4). */
export const SLACK = 5;
/** The same for a table cell, whose narrow column may have to give up to four characters (`。 ● `). */
export const CELL_SLACK = 9;

/**
 * A line that starts a new entry, never the rest of the one above (`- `, `●`, `←`, `①`, `1. `, `3-5 `, `(1)` …),
 * also where a break fell right after the mark and left it alone on its line (`-` then `防犯組織…`).
 */
export const STARTS_ENTRY = /^\s*(?:-(?:\s|$)|[●○◯※【▲・■□◆◇←]|[①-⑳]|\d+\.(?:\s|$)|\d+(?:-\d+)+\s|\(\d+\)|（\d+）)/;
/** The same in a table cell, where entries are also numbered `N name` (measures `1 自治会の支援`, SDGs `11 住み続け…`). */
export const STARTS_CELL_ENTRY = /^\s*(?:-(?:\s|$)|[●○◯※【▲・■□◆◇←]|[①-⑳]|\d+\.?\s|\(\d+\)|（\d+）)/;

/**
 * How many pieces must fill a column of running text before it is taken: a wrapped paragraph gives one full
 * piece per line but its last, so any width that wrapped the documents gives twenty or more in each; a few
 * lines of one width are chance (003 in layout mode has five row labels 14 characters wide).
 */
const MIN_FULL_LINES = 10;

/** The column: its width (in `measure`) and the widths a full piece has, `min`…`max`. */
export interface WrapColumn {
  readonly measure: LineMeasure;
  readonly width: number;
  readonly min: number;
  readonly max: number;
}

/** Whether a piece is as wide as a full line of the column. */
export function fillsColumn(column: WrapColumn, text: string): boolean {
  const width = column.measure.of(text.trim());
  return width >= column.min && width <= column.max;
}

/** Whether a piece fits in the column (a line wider than the column was never set in it). */
export function fitsColumn(column: WrapColumn, text: string): boolean {
  return column.measure.of(text.trim()) <= column.max;
}

/**
 * What Japanese typesetting keeps off the start of a line (行頭禁則, JIS X 4051 and UAX #14: closing marks,
 * `、。・：；？！`, `ー`, `々`, small kana, `…`, and their ASCII kin `)].,:;!?%/`), white space, and
 * what would read as a new entry there: a break never falls before these, so the typesetter moves it back.
 */
const CANNOT_START_LINE =
  /^(?:[。、，．・：；？！ー々ゝゞヽヾ…‥）」』】〕］｝〉》ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)\]},.:;!?%/\s]|- |[●○◯※【▲■□◆◇←]|[①-⑳]|\d+\.?\s|\(\d+\)|（\d+）)/;

/**
 * The characters a line must start with together, the least a typesetter carries over when it wraps before
 * `text`: its first character, the marks Japanese keeps off a line's start after it (行頭禁則), the character
 * after an opening bracket (行末禁則), the rest of a Latin word or number (a layout never splits one), and a
 * space with the mark after it that cannot start a line either (`PPP / ` of `PPP / PFI`). The spaces after the
 * piece are part of it: a tool that keeps spaces on the line counts them, and a layout's estimate of the
 * piece's printed width (`layout-paragraphs.ts`) errs on the wide side with them.
 */
export function lineStartPiece(text: string): string {
  const chars = [...text.trimEnd()];
  let k = 1;
  while (
    k < chars.length &&
    (CANNOT_START_LINE.test(chars.slice(k, k + 8).join('')) ||
      CANNOT_END_LINE.test(chars[k - 1] ?? '') ||
      LATIN_WORD.test(`${chars[k - 1]}${chars[k]}`))
  )
    k++;
  return chars.slice(0, k).join('');
}

/** What Japanese typesetting keeps off the end of a line (行末禁則): opening brackets go with what follows. */
const CANNOT_END_LINE = /^[（「『【〔［｛〈《([{]$/;

/**
 * Two characters of one Latin word or number, with the marks inside it (`PFI*`, `21,481`, `<li>`), which no
 * line break parts; a layout may break after a hyphen.
 */
const LATIN_WORD = /^[\x21-\x2c\x2e-\x7e][\x21-\x7e]$/;

/**
 * Whether `next` can be the rest of `piece` in a column of `column.width`: a tool breaks at the last place
 * the text still fits where the next line may start, so the piece and the next line's first unbreakable
 * piece (`lineStartPiece`) must be wider than the column. (A short label followed by a short row fits on one
 * line: it was never wrapped.)
 */
export function overflowsColumn(column: WrapColumn, piece: string, next: string): boolean {
  return roomAfter(column, piece, lineStartPiece(next.trimStart())) < 0;
}

/** The room the column has after `piece` and `start`. */
function roomAfter(column: WrapColumn, piece: string, start: string): number {
  return column.width - column.measure.of(piece) - column.measure.of(start);
}

/**
 * Whether a layout may have broken at a space it dropped: the next line's first piece would have fitted right
 * after `piece`, to the column's last unit, but not after a space. Alone this has two readings (the text may
 * have ended there); a reader takes it only where the line goes on for another reason.
 */
export function brokeAtSpace(column: WrapColumn, piece: string, next: string): boolean {
  const start = lineStartPiece(next.trimStart());
  return roomAfter(column, piece, start) === 0 && /\S$/.test(piece) && /^\S/.test(next) && /\S$/.test(start);
}

/** A line break: the piece before it and the line after it. */
export type LineBreak = readonly [piece: string, rest: string];

/**
 * Whether the document's tool split Latin words at its breaks, as a tool that cuts at a fixed count does, or
 * broke only where a word ends and dropped the space there, as a layout does. Both give a break between two
 * Latin characters; the document's own breaks decide. A tool that splits words breaks where the next
 * character no longer fits, moved back only over marks that cannot start a line, so the piece and the rest's
 * first character with those marks are wider than the column; a layout breaks before the whole next word, so
 * they often fit (`Catalog` and `P` of `Pocket(カタポケ)」`). The more of the document's breaks win. A break
 * between a tag's `>` and `<` says nothing (both kinds of tool break there) and is not counted.
 */
export function splitsLatinWords(column: WrapColumn, breaks: Iterable<LineBreak>): boolean {
  let [split, fitted] = [0, 0];
  for (const [piece, rest] of breaks) {
    if (!betweenLatin(piece, rest) || (piece.endsWith('>') && rest.startsWith('<'))) continue;
    if (column.measure.of(piece) + column.measure.of(firstCharacterAndMarks(rest)) > column.width) split++;
    else fitted++;
  }
  return split > fitted;
}

/** The first character of `text` and the marks after it that cannot start a line. */
function firstCharacterAndMarks(text: string): string {
  const chars = [...text];
  let k = 1;
  while (k < chars.length && CANNOT_START_LINE.test(chars.slice(k, k + 8).join(''))) k++;
  return chars.slice(0, k).join('');
}

function betweenLatin(piece: string, rest: string): boolean {
  return /[\x21-\x2c\x2e-\x7e]$/.test(piece) && /^[\x21-\x7e]/.test(rest);
}

/**
 * A piece and its rest, joined as printed. Japanese adds no space at a break, and a space a tool kept at the
 * line's end stays there. A layout drops the space it broke at; between two Latin words (`PPP /` and `PFI`)
 * one was there, since a layout never splits a word, so it comes back unless the document's tool splits
 * words (`splitsLatinWords`). Only half-width letters are Latin words here: a full-width letter or digit
 * breaks anywhere, as Japanese does (`進んでいる １` then `6.8%` is `１6.8%`), so `printed` (the two before
 * widths were folded, character for character) decides. Both texts are returned joined the same way.
 */
export function joinAtBreak(
  piece: string,
  rest: string,
  splitsWords: boolean,
  printed: LineBreak = [piece, rest],
): { readonly text: string; readonly printed: string } {
  const space = !splitsWords && betweenLatin(printed[0], printed[1]) ? ' ' : '';
  return { text: piece + space + rest, printed: printed[0] + space + printed[1] };
}

/**
 * Whether a break says how the document's tool treats Latin words (`splitsLatinWords`): one between two
 * half-width characters as printed. A break next to a full-width letter says nothing, since those break
 * anywhere.
 */
export function isLatinBreak(printed: LineBreak): boolean {
  return betweenLatin(printed[0], printed[1]);
}

/** A width in display columns as units of `measure` (a full-width character is 2 columns, 1 character). */
export function inUnits(measure: LineMeasure, displayColumns: number): number {
  return Math.ceil((displayColumns * measure.perFullWidth) / 2);
}

/**
 * The column many distinct pieces fill, in the measure where the most pieces fill one (`line-measure.ts`),
 * as the range of widths a full piece has (the most common width of pieces at least `minColumn − SLACK`
 * wide, one more, and SLACK less), taken only when a quarter of those pieces (MIN_FULL_LINES at least) fill it; null
 * when there is none (nothing was re-wrapped).
 */
export function recogniseColumn(pieces: readonly Piece[], minColumn: number): WrapColumn | null {
  const once = new Set(printedOnce(pieces.map((piece) => piece.text)));
  const texts = [...once];
  const continued = pieces.filter((piece) => piece.continued && once.has(piece.text.trim())).map((p) => p.text.trim());
  return strongest(MEASURES.map((measure) => modeColumn(measure, texts, continued, minColumn)));
}

/** A line of running text, and whether the next line may be its rest (prose that starts no entry). */
export interface Piece {
  readonly text: string;
  readonly continued: boolean;
}

/**
 * The texts printed once in the document. A piece of a wrapped paragraph is printed once; a line printed
 * again and again is structure (a row label, a heading), whose widths say nothing of a column.
 */
function printedOnce(texts: Iterable<string>): string[] {
  const seen = new Map<string, number>();
  for (const text of texts) seen.set(text.trim(), (seen.get(text.trim()) ?? 0) + 1);
  return [...seen].filter(([, count]) => count === 1).map(([text]) => text);
}

function modeColumn(
  measure: LineMeasure,
  texts: readonly string[],
  continued: readonly string[],
  minColumn: number,
): Recognised | null {
  const [least, slack] = [inUnits(measure, minColumn), inUnits(measure, SLACK)];
  const widths = texts.map((text) => measure.of(text)).filter((w) => w >= least - slack);
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  const [mode] = [...counts].sort(([w1, c1], [w2, c2]) => c2 - c1 || w2 - w1)[0] ?? [];
  if (mode === undefined || mode < least) return null;
  // In display columns a line of full-width characters only is even: the mode is W, or W − 1 when W is odd
  // and a line with one half-width character more reaches W. Characters have no such parity.
  const column = { measure, width: mode, min: mode - slack, max: mode + (measure.perFullWidth === 2 ? 1 : 0) };
  const full = widths.filter((width) => width >= column.min && width <= column.max).length;
  return full >= Math.max(MIN_FULL_LINES, widths.length / 4)
    ? { column, full: evidence(measure, continued, mode) }
    : null;
}

/**
 * The column of a re-wrapped table: a ceiling no cell passes, which several distinct cells (`minFull`, three
 * at least) reach (a full piece is W wide, or W − 1 where a full-width character did not fit), in the measure
 * where the most cells reach it. Cells of tables are too few in a short document for the most common width
 * to show the column, but the ceiling shows in any document where a few cells wrapped. Null when the widest
 * cells do not line up (today's files: their widest cells are long texts of all lengths, each on one line),
 * or the ceiling is under `minColumn` (display columns).
 */
export function recogniseCeiling(texts: Iterable<string>, minColumn: number, minFull = 1): WrapColumn | null {
  const distinct = [...new Set([...texts].map((text) => text.trim()))];
  return strongest(
    MEASURES.map((measure) => {
      const widths = distinct.map((text) => measure.of(text));
      const ceiling = Math.max(0, ...widths);
      if (ceiling < inUnits(measure, minColumn)) return null;
      const full = widths.filter((width) => width >= ceiling - 1).length;
      const column = { measure, width: ceiling, min: ceiling - inUnits(measure, CELL_SLACK), max: ceiling };
      return full >= minFull ? { column, full } : null;
    }),
  );
}

/**
 * What says a column was measured in `measure`: the continued pieces holding a half-width character (a Latin
 * letter, a digit, a space) that are full in it (W wide, or W − 1 in display columns, where W may be odd). A piece of
 * full-width characters only is as full in one measure as in the other; one with half-width characters is
 * full only in the measure the tool wrapped by (in the other it counts more characters, or fewer columns).
 */
function evidence(measure: LineMeasure, texts: readonly string[], mode: number): number {
  const lowest = mode - (measure.perFullWidth - 1);
  return texts.filter((text) => {
    const width = measure.of(text);
    return width >= lowest && width <= mode && /[\u0020-\u00ff]/.test(text);
  }).length;
}

interface Recognised {
  readonly column: WrapColumn;
  /** How many distinct pieces fill the column: the evidence for it. */
  readonly full: number;
}

/** The column with the most evidence (display columns on a tie: the order of MEASURES). */
function strongest(candidates: readonly (Recognised | null)[]): WrapColumn | null {
  let best: Recognised | null = null;
  for (const candidate of candidates) if (candidate && (!best || candidate.full > best.full)) best = candidate;
  return best?.column ?? null;
}
