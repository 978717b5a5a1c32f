/**
 * What running text and table cells share when an extraction re-wraps them: a column of W display columns
 * that every wrapped piece but the last fills. The column is recognised from the document, never assumed.
 */

/** How much narrower than W a full line of running text may be: a full-width character that did not fit
 * (1), and a closing mark or bullet the typesetter kept off the next line's start (up to two characters, 4). */
export const SLACK = 5;
/** The same for a table cell, whose narrow column may have to give up to four characters (`。 ● `). */
export const CELL_SLACK = 9;

/** A line or cell that starts a new entry, never the rest of the one above (`- `, `●`, `←`, `①`, `1. `, `(1)` …). */
export const STARTS_ENTRY = /^\s*(?:- |[●○◯※【▲・■□◆◇←]|[①-⑳]|\d+\.\s|\(\d+\)|（\d+）)/;
/** The same in a table cell, where entries are also numbered `N name` (measures `1 自治会の支援`, SDGs `11 住み続け…`). */
export const STARTS_CELL_ENTRY = /^\s*(?:- |[●○◯※【▲・■□◆◇←]|[①-⑳]|\d+\.?\s|\(\d+\)|（\d+）)/;

/** The column: its width (the most common width of a full piece) and the widths a full piece has, `min`…`max`. */
export interface WrapColumn {
  readonly width: number;
  readonly min: number;
  readonly max: number;
}

/** Whether a piece is as wide as a full line of the column. */
export function fillsColumn(column: WrapColumn, text: string): boolean {
  const width = displayWidth(text.trim());
  return width >= column.min && width <= column.max;
}

/**
 * What Japanese typesetting keeps off the start of a line (行頭禁則: closing marks, `ー`), white space, and
 * what would read as a new entry there: a break never falls before these, so the typesetter moves it back.
 */
const CANNOT_START_LINE = /^(?:[。、，．）」』】・ー\s]|- |[●○◯※【▲■□◆◇←]|[①-⑳]|\d+\.?\s|\(\d+\)|（\d+）)/;

/**
 * Whether `next` can be the rest of `piece` in a column of `column.width`: a tool breaks at the last place
 * the text still fits where the next line may start, so the piece and the next's characters up to the first
 * place a line may start must be wider than the column. (A short label followed by a short row fits on one
 * line: it was never wrapped.)
 */
export function overflowsColumn(column: WrapColumn, piece: string, next: string): boolean {
  const chars = [...next.trimEnd()];
  let k = 1;
  while (k < chars.length && CANNOT_START_LINE.test(chars.slice(k).join(''))) k++;
  return displayWidth(piece) + displayWidth(chars.slice(0, k).join('')) > column.width;
}

/**
 * The column many distinct pieces fill, as the range of widths a full piece has (the most common width of
 * pieces at least `minColumn − SLACK` wide, one more, and SLACK less), taken only when a quarter of those
 * pieces (five at least) fill it; null when there is none (nothing was re-wrapped).
 */
export function recogniseColumn(texts: Iterable<string>, minColumn: number): WrapColumn | null {
  const widths = [...new Set(texts)].map((text) => displayWidth(text.trim())).filter((w) => w >= minColumn - SLACK);
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  const [mode] = [...counts].sort(([w1, c1], [w2, c2]) => c2 - c1 || w2 - w1)[0] ?? [];
  if (mode === undefined || mode < minColumn) return null;
  const column = { width: mode, min: mode - SLACK, max: mode + 1 };
  const full = widths.filter((width) => width >= column.min && width <= column.max).length;
  return full >= Math.max(5, widths.length / 4) ? column : null;
}

/**
 * The column of a re-wrapped table: a ceiling no cell passes, which several distinct cells (`minFull`, three
 * at least) reach (a full piece is W wide, or W − 1 where a full-width character did not fit). Cells of
 * tables are too few in a short document for the most common width to show the column, but the ceiling
 * shows in any document where a few cells wrapped. Null when the widest cells do not line up (today's files:
 * their widest cells are long texts of all lengths, each on one line), or the ceiling is under `minColumn`.
 */
export function recogniseCeiling(texts: Iterable<string>, minColumn: number, minFull = 3): WrapColumn | null {
  const widths = [...new Set(texts)].map((text) => displayWidth(text.trim()));
  const ceiling = Math.max(0, ...widths);
  if (ceiling < minColumn) return null;
  const full = widths.filter((width) => width >= ceiling - 1).length;
  return full >= minFull ? { width: ceiling, min: ceiling - CELL_SLACK, max: ceiling } : null;
}

/** Columns a monospaced rendering gives the text: ASCII and half-width katakana 1, everything else 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += charWidth(c);
  return width;
}

export function charWidth(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  return code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
}
