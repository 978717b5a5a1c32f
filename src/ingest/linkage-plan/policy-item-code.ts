import { foldWidth, tidy } from '../../core/text/index';

/**
 * Policy-item codes (`3-2`) as the documents write them: digits may be full-width and the dash may be
 * any of the hyphens, dashes, minus signs or the katakana prolonged-sound mark that Japanese typesetting
 * uses between numbers. Everything is normalised to half-width `N-M`.
 */

// Matched on the unfolded text so that names keep their written form; digits are folded afterwards.
const DIGIT = '[0-9\uff10-\uff19]';
const DASH = '[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70]';
// A code is short (fields and items are numbered below 100) and not part of a longer number or date:
// no digit or dash right before it, no digit right after.
const CODE = `(?<!${DIGIT}|${DASH})(${DIGIT}{1,2})\\s*${DASH}\\s*(${DIGIT}{1,2})(?!${DIGIT})`;

const WHOLE_CODE = new RegExp(`^${CODE}$`);
const LEADING_CODE = new RegExp(`^${CODE}`);
const ANY_CODE = new RegExp(CODE, 'g');

/** A code found in a text together with the name written after it (up to the next code). */
export interface CodeWithName {
  readonly code: string;
  readonly name: string;
}

/** The normalised code when the whole cell is one code (`１－３` → `1-3`), otherwise null. */
export function readPolicyItemCode(cell: string): string | null {
  const match = WHOLE_CODE.exec(tidy(cell));
  return match ? normalise(match) : null;
}

/** Whether a line begins with a code: how a wrapped code list continues on the next line. */
export function startsWithPolicyItemCode(line: string): boolean {
  return LEADING_CODE.test(tidy(line));
}

/** Every code in `text` in order, each with the (tidied) text between it and the next code as its name. */
export function findPolicyItemCodes(text: string): readonly CodeWithName[] {
  const matches = [...text.matchAll(ANY_CODE)];
  return matches.map((match, i) => {
    const nameStart = (match.index ?? 0) + match[0].length;
    const nameEnd = matches[i + 1]?.index ?? text.length;
    return { code: normalise(match), name: tidy(text.slice(nameStart, nameEnd)) };
  });
}

/** The field number `N` of a normalised code `N-M`. */
export function fieldNumberOf(code: string): number {
  return Number(code.split('-')[0]);
}

/** Orders normalised codes numerically: 1-2 before 1-10 before 2-1. */
export function compareCodes(a: string, b: string): number {
  const [aField = 0, aItem = 0] = a.split('-').map(Number);
  const [bField = 0, bItem = 0] = b.split('-').map(Number);
  return aField - bField || aItem - bItem;
}

function normalise(match: RegExpMatchArray): string {
  return `${Number(foldWidth(match[1] ?? ''))}-${Number(foldWidth(match[2] ?? ''))}`;
}
