import fc from 'fast-check';
import { eraYearLabel } from '../../../src/core/text/japanese-era';

describe('eraYearLabel', () => {
  it('labels the years the documents name as they name them', () => {
    // 003 line 7: 令和5年度(2023年度)～令和9年度(2027年度); 000 line 259: 平成23年 (2011), 平成28年 (2016).
    expect(eraYearLabel(2023)).toBe('令和5年度');
    expect(eraYearLabel(2027)).toBe('令和9年度');
    expect(eraYearLabel(2011, 'CALENDAR')).toBe('平成23年');
    expect(eraYearLabel(2016, 'CALENDAR')).toBe('平成28年');
    expect(eraYearLabel(2019)).toBe('令和元年度');
    expect(eraYearLabel(1989, 'CALENDAR')).toBe('平成元年');
  });

  it('gives every year from 1926 one label that reads back to the year', () => {
    const eras = { 令和: 2018, 平成: 1988, 昭和: 1925 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1926, max: 2200 }),
        fc.constantFrom('FISCAL' as const, 'CALENDAR' as const),
        (year, basis) => {
          const match = /^(令和|平成|昭和)(元|\d+)(年度|年)$/.exec(eraYearLabel(year, basis));
          expect(match).not.toBeNull();
          const [, era, number, suffix] = match as unknown as [string, keyof typeof eras, string, string];
          expect(eras[era] + (number === '元' ? 1 : Number(number))).toBe(year);
          expect(suffix).toBe(basis === 'FISCAL' ? '年度' : '年');
        },
      ),
    );
  });
});
