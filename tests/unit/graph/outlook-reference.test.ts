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
  thresholds: { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 },
};

describe('the outlook reference (seed/reference/outlook.yaml)', () => {
  it('measures from FY2021 (R3) to FY2027 (R9) with ESCAP thresholds 0.95 / 0.6 / 0', () => {
    expect(outlookReference()).toMatchObject({
      baselineFiscalYear: 2021,
      baselineLabel: 'R3',
      targetFiscalYear: 2027,
      targetLabel: 'R9',
      thresholds: { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 },
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
});
