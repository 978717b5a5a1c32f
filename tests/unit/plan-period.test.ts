import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPeriod } from '../../src/records/plan-period';

describe('the plan period (seed/reference/plan-period.yaml)', () => {
  it('is R5 to R9, 2023 to 2027, as the line it cites says', () => {
    const period = planPeriod();
    expect(period).toMatchObject({ firstYear: 2023, firstLabel: 'R5', lastYear: 2027, lastLabel: 'R9' });
    const line = readFileSync(join('seed', 'sources', period.seen.document), 'utf8').split('\n')[period.seen.line - 1];
    expect(line).toContain('令和5年度(2023年度)～令和9年度(2027年度)');
  });
});
