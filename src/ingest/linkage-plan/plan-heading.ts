import { tidy } from '../../core/text/index';

/**
 * Plans are headed by a circled numeral (`①塙保己一プラン`). Each Unicode run of circled numerals is
 * listed with the number of its first character, so ①…⑳ and the negative / sans-serif variants fold
 * alike. (NFKC would fold ① to `1`, which is indistinguishable from a code line such as `4-4 …`, so
 * the numeral is read before any width folding.)
 */
const CIRCLED_RUNS: readonly { readonly first: number; readonly last: number; readonly value: number }[] = [
  { first: 0x2460, last: 0x2473, value: 1 }, // ① … ⑳
  { first: 0x2776, last: 0x277f, value: 1 }, // ❶ … ❿
  { first: 0x2780, last: 0x2789, value: 1 }, // ➀ … ➉
  { first: 0x278a, last: 0x2793, value: 1 }, // ➊ … ➓
  { first: 0x24eb, last: 0x24f4, value: 11 }, // ⓫ … ⓴
];

export interface PlanHeading {
  readonly number: number;
  readonly name: string;
}

/** `①塙保己一プラン` → `{ number: 1, name: '塙保己一プラン' }`; null when the line is not a plan heading. */
export function readPlanHeading(line: string): PlanHeading | null {
  const text = tidy(line);
  const numeral = text.codePointAt(0);
  if (numeral === undefined) return null;
  const run = CIRCLED_RUNS.find((r) => numeral >= r.first && numeral <= r.last);
  if (!run) return null;
  const name = tidy(text.slice(String.fromCodePoint(numeral).length));
  if (name === '') return null;
  return { number: numeral - run.first + run.value, name };
}

/** The circled numeral of a plan number, for messages: 3 → `③`. */
export function circled(number: number): string {
  return number >= 1 && number <= 20 ? String.fromCodePoint(0x2460 + number - 1) : `(${number})`;
}
