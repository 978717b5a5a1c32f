/**
 * Japanese line breaking as layout engines do it (JIS X 4051 and Unicode's line breaking algorithm, UAX #14,
 * in spirit), to set the documents' text in a column of a given width the way a browser or a word processor
 * would print it, not by cutting at a fixed count:
 * - a line breaks between any two Japanese characters, after a run of spaces and after a hyphen;
 * - no line starts with a closing bracket, `、。，．・：；？！`, `ー`, `々`, a small kana, `…`, `%` or `/`
 *   (行頭禁則), and none ends with an opening bracket (行末禁則): the break moves back (追い出し);
 * - a Latin word or a number (a run of ASCII letters, digits and their marks) is never split;
 * - a space at a break is dropped (it hangs past the line's end), so lines do not start or end with one;
 * - the break falls at the last place the text still fits, so lines end where they end: the right edge is
 *   ragged wherever the text after the break could not start a line.
 * Widths are in ems: a full-width character is 1, a half-width (ASCII) one ½.
 */

const CANNOT_START_LINE = new Set([
  ...'、。，．・：；？！‼⁇⁈⁉ー々ゝゞヽヾ）」』】〕］｝〉》〙〗”’ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ…‥%)]},.:;!?/',
]);
const CANNOT_END_LINE = new Set([...'（「『【〔［｛〈《〘〖“‘([{']);

/** A character's width in half ems (display columns): ASCII and Latin-1 1, everything else 2. */
function halfEms(c: string): number {
  return (c.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isWordCharacter = (c: string | undefined): boolean => c !== undefined && /[\x21-\x7e]/.test(c) && c !== '-';

/** Whether a line may break between `chars[i - 1]` and `chars[i]` (UAX #14's rules, in the spirit of JIS X 4051). */
export function mayBreakBefore(chars: readonly string[], i: number): boolean {
  const [before, after] = [chars[i - 1], chars[i]];
  if (before === undefined || after === undefined) return false;
  if (isSpace(after)) return false; // spaces stay on the line they follow and hang there
  if (CANNOT_START_LINE.has(after) || CANNOT_END_LINE.has(before)) return false;
  if (isSpace(before)) return true;
  if (before === '-') return !/[0-9]/.test(after); // after a hyphen, but not in `-1`
  // A Latin word or number, with the marks inside it (`PFI*`, `21,481`, `<p>`), is one piece.
  return !(isWordCharacter(before) && (isWordCharacter(after) || after === '-'));
}

/**
 * `text` set in a column `ems` wide: the lines a layout engine prints, each as long as fits up to the last
 * place a line may break (`mayBreakBefore`), the spaces at each break dropped. A piece that cannot be broken
 * and is wider than the column (a long Latin word) overflows it, as a browser lets it.
 */
export function breakLines(text: string, ems: number): string[] {
  const columns = ems * 2;
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const chars = [...text.trim()];
  const lines: string[] = [];
  let from = 0;
  while (from < chars.length) {
    // An indent the text starts with takes its room on the first line.
    let used = from === 0 ? [...indent].length : 0;
    let fit = from;
    while (fit < chars.length && (isSpace(chars[fit]) || used + halfEms(chars[fit] ?? '') <= columns)) {
      used += halfEms(chars[fit] ?? '');
      fit++;
    }
    // Spaces past the edge hang; the break falls at the last place before the first character that did not fit.
    let cut = fit;
    if (fit < chars.length) {
      while (cut > from && !mayBreakBefore(chars, cut)) cut--;
      if (cut === from) {
        cut = Math.max(fit, from + 1);
        while (cut < chars.length && !mayBreakBefore(chars, cut)) cut++;
      }
    }
    lines.push(chars.slice(from, cut).join('').trimEnd());
    from = cut;
    while (isSpace(chars[from])) from++;
  }
  return lines.length > 0 ? [indent + (lines[0] ?? ''), ...lines.slice(1)] : [text];
}
