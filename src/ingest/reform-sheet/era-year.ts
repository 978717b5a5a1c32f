import { type FiscalYear, parseFiscalYear } from '../fiscal-year';
import { ParseError } from '../parse-error';
import { foldWidth } from '../../core/text/index';
import type { TabRow } from '../tab-row';

/**
 * The fiscal year a cell holds (`R 5`, `R5`, `令和6年度`). The whole cell must be the year: a Gregorian
 * `2023` or a year buried in a sentence is not what a year column of these sheets holds.
 */
export function requireEraYear(row: TabRow, text: string, what: string): FiscalYear {
  const year = parseFiscalYear(text);
  if (year === null || !isEraYear(text)) {
    throw new ParseError(row.source, `${what} as an era year such as R 5`, text === '' ? row.raw : text);
  }
  return year;
}

/** Whether the whole cell is an era year (`R 5`, `令和6年度`). */
export function isEraYear(text: string): boolean {
  return /^\s*(?:平成|令和|[HR])\s*(?:元|\d{1,2})\s*(?:年度?)?\s*$/.test(foldWidth(text));
}
