import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outlookReference, outlookYearsOf } from '../../../src/graph/outlook-reference';
import { ingest } from '../../../src/ingest/ingest';
import { achievementRate } from '../../../src/write/achievement-rate';
import { outlookOf } from '../../../src/write/outlook-of';
import { IndicatorOutlookStatus } from '../../../src/graph/outlook-status';

/**
 * Signed quantities (seed/reference/outlook.yaml `signed`): which indicators may fall below zero, found by a
 * rule over the documents, and the sign of a printed baseline the text lost, with its evidence.
 */
const SOURCES = join('seed', 'sources');
const documents = readdirSync(SOURCES).filter((name) => name.endsWith('.txt'));
const lineOf = (document: string, line: number): string =>
  readFileSync(join(SOURCES, document), 'utf8').split('\n')[line - 1] ?? '';
const graph = ingest();
const indicators = graph.nodes.filter((n) => n.label === 'Indicator');
const reference = outlookReference();

/** A definition that is a difference of two quantities (転入人口-転出人口), or a name that says it is one. */
const DIFFERENCE = /[^\s\d-][-－−][^\s\d-]/;
const DIFFERENCE_WORDS = /超過|増減|差引|差し引き|収支差/;
/** A minus mark before a figure, as a table would print a negative number (▲108, △5, −3). */
const MINUS_BEFORE_FIGURE = /(^|[\s(（])[▲△−－]\s*\d/;

describe('signed indicators and the sign of their baselines', () => {
  it('lists as signed exactly the indicators the documents define as a difference', () => {
    const differences = indicators
      .filter(
        (n) =>
          DIFFERENCE.test(String(n.properties.definition ?? '')) || DIFFERENCE_WORDS.test(String(n.properties.name)),
      )
      .map((n) => n.id)
      .sort();
    expect(differences.length).toBeGreaterThan(0);
    expect(reference.signed.map((entry) => entry.indicator).sort()).toEqual(differences);
  });

  it('finds no minus mark before any figure in the documents, so every signed baseline needs a judgement', () => {
    // Were the marks printed anywhere, a signed baseline could be read from the text; they are not (the PDF's
    // ▲/△ do not survive), so each signed indicator's baseline sign is judged in the file.
    const marked = documents.flatMap((document) =>
      readFileSync(join(SOURCES, document), 'utf8')
        .split('\n')
        .flatMap((text, i) => (MINUS_BEFORE_FIGURE.test(text) ? [`${document}:${i + 1}`] : [])),
    );
    expect(marked).toEqual([]);
    for (const entry of reference.signed) {
      const printed = String(indicators.find((n) => n.id === entry.indicator)?.properties.currentText);
      expect(printed).not.toMatch(/^[▲△−－-]/);
      expect(`${entry.indicator} judged: ${entry.baseline?.printed}`).toBe(`${entry.indicator} judged: ${printed}`);
    }
  });

  it('cites, for each signed indicator, lines that say what the file quotes', () => {
    for (const entry of reference.signed) {
      const lines = [entry, ...(entry.baseline?.evidence ?? [])];
      expect(lines.length).toBeGreaterThan(2);
      for (const { document, line, says } of lines) {
        expect(`${document}:${line} ${lineOf(document, line)}`).toContain(says);
      }
    }
  });

  it('builds the graph with the judged baseline and the direction that follows from it', () => {
    for (const entry of reference.signed) {
      const node = indicators.find((n) => n.id === entry.indicator);
      if (entry.baseline === undefined) continue;
      expect(node?.properties).toMatchObject({ current: entry.baseline.reads, direction: entry.baseline.direction });
    }
    // 6-5-4: a net outflow of 108 (001 line 696, target 0 人 移動均衡) whose rise is progress.
    expect(indicators.find((n) => n.id === 'indicator:6-5-4')?.properties).toMatchObject({
      current: -108,
      currentText: '108 人',
      target: 0,
      direction: 'INCREASE',
    });
  });

  it('grades any recorded net outflow of 6-5-4 as distance from the target, never as achieved', () => {
    const node = indicators.find((n) => n.id === 'indicator:6-5-4');
    const basis = {
      current: node?.properties.current as number,
      target: node?.properties.target as number,
      targetBound: null,
    };
    const years = outlookYearsOf('indicator:6-5-4');
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: -1 }),
        fc.integer({ min: years.baselineFiscalYear + 1, max: years.targetFiscalYear }),
        (outflow, fiscalYear) => {
          const rate = achievementRate(basis, outflow);
          expect(rate).not.toBeNull();
          expect(rate as number).toBeLessThan(100);
          const outlook = outlookOf(basis, { fiscalYear, value: outflow }, years, reference.thresholds);
          expect(outlook.status).not.toBe(IndicatorOutlookStatus.TARGET_ACHIEVED);
          // Closer to balance than the baseline is progress; further out is a loss.
          expect(Math.sign(rate as number)).toBe(Math.sign(outflow - basis.current));
        },
      ),
    );
    // −10: 98 of the 108 people's distance covered, 90.7 %; not the target.
    expect(achievementRate(basis, -10)).toBe(90.7);
  });
});
