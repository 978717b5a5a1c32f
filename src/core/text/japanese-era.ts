/**
 * Japanese era (和暦) labels for a year, as the city's documents and the dashboard write them: 令和3年度 for the
 * fiscal year starting in April 2021, 令和3年 for the calendar year 2021. A fiscal year is labelled by the era
 * of its April (FY2019 is 令和元年度, as city halls write it, though Reiwa began in May); the first year of an
 * era is 元年.
 */
const ERAS: readonly { readonly name: string; readonly firstYear: number }[] = [
  { name: '令和', firstYear: 2019 },
  { name: '平成', firstYear: 1989 },
  { name: '昭和', firstYear: 1926 },
];

/** Whether a year counts April to March (年度) or January to December (暦年, a calendar-year statistic). */
export type YearBasis = 'FISCAL' | 'CALENDAR';

/** `令和3年度` (fiscal) or `令和3年` (calendar) for a Gregorian year; the Gregorian year itself before 昭和. */
export function eraYearLabel(year: number, basis: YearBasis = 'FISCAL'): string {
  const era = ERAS.find((candidate) => year >= candidate.firstYear);
  const suffix = basis === 'FISCAL' ? '年度' : '年';
  if (era === undefined || !Number.isInteger(year)) return `${year}${suffix}`;
  const number = year - era.firstYear + 1;
  return `${era.name}${number === 1 ? '元' : number}${suffix}`;
}
