/**
 * Text normalisation shared by the parsers and the merge step. The documents are PDF extractions:
 * full-width and half-width forms mix, letters are spaced out (`I C T`), and words are broken by spaces
 * where the PDF wrapped a line. Matching must see through all of that; stored text keeps its form.
 */

/** Full-width ASCII and digits to half-width, compatibility forms folded (NFKC). */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Collapse runs of white space to one space and trim. For stored, human-readable values. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * A key for matching names across documents: width-folded, every space removed (which also joins
 * spaced letters such as `I C T` and words a PDF line break split), lower-cased Latin.
 */
export function matchKey(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** Remove HTML fragments that survived the PDF extraction (`<ul><li>`, `<p>`, `<b>`, `<br>`). */
export function stripTags(text: string): string {
  // Only real HTML tag names: `‹令和6年度計画変更>` and similar bracketed text is content, not markup.
  return text.replace(/<\/?(?:ul|ol|li|p|b|i|u|br|strong|em|span|div|table|tr|td|th)\b[^>]*>/gi, ' ');
}
