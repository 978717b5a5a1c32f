/**
 * A fiscal year as the documents label it: 令和 (R) 1 is 2019, so R6 is the year starting April 2024. The
 * API speaks Gregorian years; the documents and the staff who read them speak 令和.
 */
export function reiwaLabel(fiscalYear: number): string {
  return `R${fiscalYear - 2018}`;
}

/** Both at once, for headings and table cells: `R6 (2024)`. */
export function fiscalYearLabel(fiscalYear: number): string {
  return `${reiwaLabel(fiscalYear)} (${fiscalYear})`;
}
