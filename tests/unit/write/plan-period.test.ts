import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFiscalYears, planPeriod } from '../../../src/write/plan-period';

describe('the plan period (seed/reference/plan-period.yaml)', () => {
  it('is R5 to R9, 2023 to 2027, as the line it cites says', () => {
    const period = planPeriod();
    expect(period).toMatchObject({ firstYear: 2023, firstLabel: 'R5', lastYear: 2027, lastLabel: 'R9' });
    const line = readFileSync(join('seed', 'sources', period.seen.document), 'utf8').split('\n')[period.seen.line - 1];
    expect(line).toContain('令和5年度(2023年度)～令和9年度(2027年度)');
  });

  it('lists each year of the period with its era label, ending at the last label the file gives', () => {
    const years = planFiscalYears();
    expect(years.map((year) => `${year.label} ${year.year}`)).toEqual([
      'R5 2023',
      'R6 2024',
      'R7 2025',
      'R8 2026',
      'R9 2027',
    ]);
    expect(years.at(-1)?.label).toBe(planPeriod().lastLabel);
  });

  it('lets a year before the period be recorded only where a cited line prints its actual, in words of that year', () => {
    const { printedBefore, firstYear } = planPeriod();
    expect(printedBefore.map((a) => `${a.indicator} ${a.label} ${a.value}`)).toEqual(['indicator:6-2-1 R4 4']);
    for (const actual of printedBefore) {
      expect(actual.fiscalYear).toBeLessThan(firstYear);
      const line = readFileSync(join('seed', 'sources', actual.document), 'utf8').split('\n')[actual.line - 1] ?? '';
      expect(line).toContain(actual.says);
      // The cited words name the year (令和4年度 for R4) and the value.
      expect(actual.says).toContain(`令和${actual.fiscalYear - 2018}年度`);
      expect(actual.says).toContain(`${actual.value}件`);
    }
  });
});
