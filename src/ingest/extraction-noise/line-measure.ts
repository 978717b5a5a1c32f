/**
 * How an extraction measured the lines it wrapped. A PDF column is a printed width, which a text dump shows as
 * display columns (ASCII and half-width katakana 1, everything else 2); a tool that counts characters wraps
 * at a number of characters whatever their width. Both are found in practice, and a document says which by
 * the width its full lines share (`wrap-column.ts`), so the column is recognised in each measure.
 */
export interface LineMeasure {
  readonly name: 'display columns' | 'characters';
  readonly of: (text: string) => number;
  /** How many units one full-width character takes: widths and slacks given in display columns scale by it. */
  readonly perFullWidth: number;
}

export const DISPLAY_COLUMNS: LineMeasure = { name: 'display columns', of: displayWidth, perFullWidth: 2 };
export const CHARACTERS: LineMeasure = { name: 'characters', of: (text) => [...text].length, perFullWidth: 1 };
export const MEASURES: readonly LineMeasure[] = [DISPLAY_COLUMNS, CHARACTERS];

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
