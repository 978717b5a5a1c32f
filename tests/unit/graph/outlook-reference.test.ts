import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedOutlookReference, outlookReference, outlookYearsOf } from '../../../src/graph/outlook-reference';
import { planPeriod } from '../../../src/write/plan-period';

const valid = {
  baselineFiscalYear: 2021,
  baselineLabel: 'R3',
  targetFiscalYear: 2027,
  targetLabel: 'R9',
  evidence: [{ document: '003.txt', line: 7, says: 'R5–R9' }],
  overrides: [],
  thresholds: { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0, compoundGrowthMaxFactor: 10 },
};

describe('the outlook reference (seed/reference/outlook.yaml)', () => {
  it('measures from FY2021 (R3) to FY2027 (R9) with ESCAP thresholds 0.95 / 0.6 / 0', () => {
    expect(outlookReference()).toMatchObject({
      baselineFiscalYear: 2021,
      baselineLabel: 'R3',
      targetFiscalYear: 2027,
      targetLabel: 'R9',
      thresholds: { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0, compoundGrowthMaxFactor: 10 },
    });
  });

  it('targets the last year of the plan period', () => {
    expect(outlookReference().targetFiscalYear).toBe(planPeriod().lastYear);
  });

  it('cites lines of the documents that say what the file quotes', () => {
    const { evidence } = outlookReference();
    expect(evidence.length).toBeGreaterThan(0);
    for (const { document, line, says } of evidence) {
      const text = readFileSync(join('seed', 'sources', document), 'utf8').split('\n')[line - 1];
      expect(`${document}:${line} ${text}`).toContain(says);
    }
  });

  it('overrides only indicators of the documents', () => {
    const graph = JSON.parse(readFileSync(join('seed', 'graph.json'), 'utf8')) as {
      nodes: { label: string; id: string }[];
    };
    const ids = new Set(graph.nodes.filter((n) => n.label === 'Indicator').map((n) => n.id));
    expect(ids.size).toBeGreaterThan(0);
    for (const override of outlookReference().overrides) expect(ids).toContain(override.indicator);
  });

  it("gives an override's years to its indicator and the plan's to the others", () => {
    const reference = checkedOutlookReference({
      ...valid,
      overrides: [{ indicator: 'indicator:6-2-2', baselineFiscalYear: 2022, reason: 'printed as of R4 (line 1)' }],
    });
    expect(outlookYearsOf('indicator:6-2-2', reference)).toEqual({ baselineFiscalYear: 2022, targetFiscalYear: 2027 });
    expect(outlookYearsOf('indicator:5-1-1', reference)).toEqual({ baselineFiscalYear: 2021, targetFiscalYear: 2027 });
  });

  it.each([
    ['a target before the baseline', { targetFiscalYear: 2020 }, /baseline before the target/],
    ['a fractional year', { baselineFiscalYear: 2021.5 }, /integer baselineFiscalYear/],
    ['no labels', { baselineLabel: '' }, /baselineLabel and targetLabel/],
    ['no evidence', { evidence: [] }, /needs evidence/],
    ['evidence without a line', { evidence: [{ document: 'a', says: 'b' }] }, /evidence 1 needs a document, a line/],
    ['no overrides list', { overrides: undefined }, /needs an overrides list/],
    [
      'an override without id',
      { overrides: [{ indicator: '6-2-2', reason: 'r' }] },
      /override 1 needs an indicator id/,
    ],
    [
      'an override without reason',
      { overrides: [{ indicator: 'indicator:6-2-2' }] },
      /override 1 \(indicator:6-2-2\) needs a reason/,
    ],
    [
      'an override reversing the years',
      { overrides: [{ indicator: 'indicator:6-2-2', reason: 'r', baselineFiscalYear: 2027 }] },
      /override 1 \(indicator:6-2-2\) needs integer years/,
    ],
    [
      'thresholds out of order',
      { thresholds: { onTrack: 0.6, needsAcceleration: 0.95, limitedProgress: 0 } },
      /onTrack > needsAcceleration > limitedProgress/,
    ],
    [
      'a missing threshold',
      { thresholds: { onTrack: 0.95, needsAcceleration: 0.6 } },
      /limitedProgress, finite numbers/,
    ],
  ])('refuses %s, naming the file and the rule', (_, change, message) => {
    expect(() => checkedOutlookReference({ ...valid, ...change })).toThrow(message);
    expect(() => checkedOutlookReference({ ...valid, ...change })).toThrow(/outlook\.yaml/);
  });

  it('refuses a compound growth factor that is not above 1, naming the file and the rule', () => {
    for (const factor of [1, 0.5, Number.POSITIVE_INFINITY, '10']) {
      expect(() =>
        checkedOutlookReference({ ...valid, thresholds: { ...valid.thresholds, compoundGrowthMaxFactor: factor } }),
      ).toThrow(/outlook\.yaml: needs thresholds\.compoundGrowthMaxFactor, a finite number above 1/);
    }
  });

  it('leaves compound growth to every indicator whose target lies within the factor, 5-6-2 alone beyond it', () => {
    const { compoundGrowthMaxFactor } = outlookReference().thresholds;
    const graph = JSON.parse(readFileSync(join('seed', 'graph.json'), 'utf8')) as {
      nodes: { id: string; label: string; properties: { current?: number; target?: number } }[];
    };
    const beyond = graph.nodes
      .filter((n) => n.label === 'Indicator')
      .filter(({ properties: { current = 0, target = 0 } }) => current > 0 && target > 0)
      .filter(
        ({ properties: { current = 0, target = 0 } }) =>
          Math.max(target / current, current / target) > compoundGrowthMaxFactor,
      )
      .map((n) => n.id);
    expect(beyond).toEqual(['indicator:5-6-2']);
  });

  it('counts calendar years for the indicators whose own lines write the year without 度', () => {
    const { calendarYear } = outlookReference();
    expect(calendarYear.map((entry) => entry.indicator)).toEqual([
      'indicator:5-4-1',
      'indicator:5-5-1',
      'indicator:5-5-2',
    ]);
    for (const { indicator, document, line, says } of calendarYear) {
      const text = readFileSync(join('seed', 'sources', document), 'utf8').split('\n')[line - 1] ?? '';
      expect(`${document}:${line} ${text}`).toContain(says);
      // The statistic's own year (平成23年), or a part of the indicator listed just before it (上記のうち).
      const calendar = /(平成|令和)\d+年(?!度)/.test(says);
      const partOfAbove = says.startsWith('上記のうち');
      expect(`${indicator}: ${calendar || partOfAbove}`).toBe(`${indicator}: true`);
    }
  });

  it("shows a reform sheet's later target beside the plan's, on lines that say so (5-6-1: 5,500 → 20,000 件)", () => {
    const { laterTargets } = outlookReference();
    expect(laterTargets.map((t) => [t.indicator, t.fiscalYear, t.value])).toEqual([['indicator:5-6-1', 2027, 20000]]);
    for (const target of laterTargets) {
      for (const { document, line, says } of target.evidence) {
        const text = readFileSync(join('seed', 'sources', document), 'utf8').split('\n')[line - 1] ?? '';
        expect(`${document}:${line} ${text}`).toContain(says);
      }
      // The value is the printed text's figure.
      expect(Number(/([\d,]+)件$/.exec(target.printed)?.[1]?.replace(/,/g, ''))).toBe(target.value);
      expect(target.evidence.some((line) => line.says.includes(target.printed))).toBe(true);
    }
  });
});
