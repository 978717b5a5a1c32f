/**
 * Text that a PDF's fonts map to nothing a reader could use. A font whose ToUnicode map is missing or broken
 * (a PDF re-distilled by Ghostscript's pdfwrite, some print drivers) still gives pdfjs characters, but not the
 * ones printed: `政策連携÷ùン` for 政策連携プラン. Ingested, such text would become names and descriptions nobody
 * wrote, so a page that shows it is refused (`unusableTextSample`).
 *
 * Two kinds of evidence:
 * - characters no text means: U+FFFD (nothing to map to), private-use code points (a font's own glyph numbers,
 *   or a vendor's gaiji with no standard meaning) and control characters. One is enough.
 * - Latin where Japanese was printed: a Latin-1 or Latin Extended character (U+0080–U+02FF: `÷ùº»²`) or a
 *   lower-case ASCII letter or `{|}~` wedged between two Japanese characters (`{tいv`, `課題{対`). The documents
 *   write Latin in words of their own (`PPP / PFI*`, `ICT`), so a few such places may be real (`いor不` in
 *   002); a re-encoded page shows them by the dozen. `MISREAD_LATIN` is where that stops being chance.
 */

/** U+FFFD, private use (BMP and planes 15–16), C0 and C1 controls other than tab, line feed, form feed, return. */
const MEANINGLESS = /[\uFFFD\uE000-\uF8FF\u{F0000}-\u{10FFFF}\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/u;
const JAPANESE = '\\u3040-\\u30FF\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F';
/** Latin-1 Supplement to IPA Extensions next to a Japanese character, or lower-case ASCII between two. */
const MISREAD = new RegExp(
  `[${JAPANESE}][\\u00A0-\\u02FF]|[\\u00A0-\\u02FF][${JAPANESE}]|[${JAPANESE}][a-z{|}~]{1,2}(?=[${JAPANESE}])`,
  'gu',
);
/**
 * A page with this many misread places is refused. The five documents hold at most 2 in a whole document
 * (`じ}を` of ruby markup, `いor不`); a page printed through a broken map holds over a hundred.
 */
const MISREAD_LATIN = 8;

/** How much of a long line to quote before and after the first sign. */
const BEFORE = 10;
const AFTER = 20;

/**
 * The line of the page's text that shows the first sign that its fonts map glyphs to no usable text (a long
 * line cut around it), or undefined when the text reads as text.
 */
export function unusableTextSample(text: string): string | undefined {
  const meaningless = MEANINGLESS.exec(text);
  if (meaningless) return lineAround(text, meaningless.index);
  const misread = [...text.matchAll(MISREAD)];
  if (misread.length < MISREAD_LATIN) return undefined;
  return lineAround(text, misread[0]?.index ?? 0);
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  const line = text.slice(start, end === -1 ? text.length : end);
  const at = index - start;
  return line.slice(Math.max(0, at - BEFORE), at + AFTER).trim();
}
