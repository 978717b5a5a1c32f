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
  const wholeCell = /^\s*(?:平成|令和|[HR])\s*(?:元|\d{1,2})\s*(?:年度?)?\s*$/.test(foldWidth(text));
  if (year === null || !wholeCell) {
    throw new ParseError(row.source, `${what} as an era year such as R 5`, text === '' ? row.raw : text);
  }
  return year;
}
