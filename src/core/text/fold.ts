/**
 * Folding for comparison. The documents are PDF extractions: full-width and half-width forms mix, letters
 * are spaced out (`I C T`), and words are broken by spaces where the PDF wrapped a line. Matching must see
 * through all of that; stored text keeps its form.
 */

/** Full-width ASCII and digits to half-width, compatibility forms folded (NFKC). */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/**
 * Full-width digits and Latin letters (`令和４年`, `ＮＰＯ`) to their ASCII forms, and nothing else: unlike
 * `foldWidth` it keeps half-width katakana, circled numerals and full-width symbols (`（`, `：`, `％`), which
 * stored texts keep as printed. Extraction tools differ in which width they give digits and Latin; the
 * graph stores one spelling.
 */
export function foldDigitsAndLatin(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Collapse runs of white space to one space and trim. For stored, human-readable values. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * The fold every comparison starts from: width-folded, every space removed (which also joins spaced
 * letters such as `I C T` and words a PDF line break split), lower-cased Latin. Labels are compared by it
 * as they are; names go through `nameKey`, which also drops the marks around them. The API folds search
 * queries with it too, so a query matches the stored `searchText`.
 */
export function matchKey(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}
