import { foldWidth } from '../core/text/index';

/** A Japanese fiscal year, both as the documents write it and as the Gregorian year it starts in. */
export interface FiscalYear {
  /** Era label as written without spaces: `H24`, `R5`. */
  readonly label: string;
  /** Gregorian year the fiscal year starts in (April): H24 → 2012, R5 → 2023. */
  readonly year: number;
}

const ERA_START: Readonly<Record<string, number>> = { H: 1988, R: 2018 };
const ERA_LETTER: Readonly<Record<string, string>> = { 平成: 'H', 令和: 'R' };

/**
 * Reads `R5`, `R 5`, `Ｒ５`, `H24年`, `令和6年度`, `R5年度` and the like; null when the text is not an era year.
 * The first era year found in the text counts.
 */
export function parseFiscalYear(text: string): FiscalYear | null {
  const folded = foldWidth(text);
  const match = /(平成|令和|[HR])\s*(元|\d{1,2})/.exec(folded);
  if (!match) return null;
  const [, era = '', numeral = ''] = match;
  const letter = ERA_LETTER[era] ?? era;
  const start = ERA_START[letter];
  if (start === undefined) return null;
  const n = numeral === '元' ? 1 : Number(numeral);
  return { label: `${letter}${n}`, year: start + n };
}
