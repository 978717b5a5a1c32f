/**
 * Circled numbers number the main projects (`①自治会運営への支援`). They must be read before any width
 * folding: NFKC turns `⑯` into `16` and the number would run into the name.
 */

// ①…⑳ are U+2460…U+2473; ㉑…㉟ are U+3251…U+325F; ㊱…㊿ are U+32B1…U+32BF.
const RANGES: ReadonlyArray<readonly [first: number, last: number, value: number]> = [
  [0x2460, 0x2473, 1],
  [0x3251, 0x325f, 21],
  [0x32b1, 0x32bf, 36],
];

/** The value of a circled-number character, or null when `char` is not one. */
export function circledNumberValue(char: string): number | null {
  const code = char.codePointAt(0);
  if (code === undefined) return null;
  const range = RANGES.find(([first, last]) => code >= first && code <= last);
  return range ? range[2] + (code - range[0]) : null;
}

/** Splits `⑯ オンライン個別相談の実施` into 16 and the text after it; null when the text does not start so. */
export function readCircledNumber(text: string): { readonly number: number; readonly rest: string } | null {
  const first = text.charAt(0);
  const number = circledNumberValue(first);
  return number === null ? null : { number, rest: text.slice(first.length).trim() };
}
