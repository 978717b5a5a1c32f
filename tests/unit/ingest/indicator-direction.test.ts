import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphFile } from '../../../src/graph/graph-model';
import type { IndicatorValue } from '../../../src/ingest/final-plan';
import { SEED_GRAPH_PATH } from '../../../src/ingest/load/seed-file';
import { indicatorDirection } from '../../../src/ingest/merge/indicator-direction';

/**
 * `direction` must agree with a bound printed after the target (issue 56, point 5): a ceiling (以内, 以下)
 * is never INCREASE and a floor (以上) never DECREASE. The bounds are read here from the printed document
 * line each indicator cites, not from the parser's `targetBound`, so a parser that lost a bound fails too.
 */
const graph = JSON.parse(readFileSync(SEED_GRAPH_PATH, 'utf8')) as GraphFile;

interface PrintedIndicator {
  readonly id: string;
  readonly direction: unknown;
  /** The last cell of the indicator's row in the document, as printed (the target, 目標値). */
  readonly printedTarget: string;
}

const lines = new Map<string, string[]>();
function documentLine(document: string, line: number): string {
  let text = lines.get(document);
  if (!text) {
    text = readFileSync(join('seed', 'sources', document), 'utf8').split('\n');
    lines.set(document, text);
  }
  return text[line - 1] ?? '';
}

const indicators: PrintedIndicator[] = graph.nodes
  .filter((n) => n.label === 'Indicator')
  .map((n) => {
    const { sourceDocument, sourceLine, direction } = n.properties;
    const row = documentLine(String(sourceDocument), Number(sourceLine)).split('\t');
    return { id: n.id, direction, printedTarget: (row.at(-1) ?? '').trim() };
  });
const printedWith = (words: string[]) => indicators.filter((i) => words.some((word) => i.printedTarget.endsWith(word)));

describe('the direction of an indicator whose target is printed with a bound', () => {
  it('reads each indicator’s target from the line it cites', () => {
    for (const i of indicators) {
      const target = graph.nodes.find((n) => n.id === i.id)?.properties.targetText;
      expect({ id: i.id, printed: i.printedTarget }).toEqual({ id: i.id, printed: target });
    }
  });

  it('is never INCREASE for a ceiling (以内, 以下)', () => {
    const ceilings = printedWith(['以内', '以下']);
    // Today's 001 prints two, 6-5-1 and 6-5-2 (lines 693–694): the check is not empty.
    expect(ceilings.map((i) => i.id)).toContain('indicator:6-5-1');
    for (const i of ceilings) expect({ id: i.id, direction: i.direction }).toEqual({ id: i.id, direction: 'DECREASE' });
  });

  it('is never DECREASE for a floor (以上)', () => {
    // Today's documents print no floor; this guards the next edition (the rule itself is pinned below).
    for (const i of printedWith(['以上'])) {
      expect({ id: i.id, direction: i.direction }).toEqual({ id: i.id, direction: 'INCREASE' });
    }
  });

  it('is DECREASE for 6-5-1 経常収支比率 (001 line 693: 89.3 % ▶▶ 92.7 %以内), although the target is above the baseline', () => {
    const node = graph.nodes.find((n) => n.id === 'indicator:6-5-1');
    expect(node?.properties).toMatchObject({
      name: '経常収支比率',
      current: 89.3,
      target: 92.7,
      targetText: '92.7 %以内',
      targetBound: '以内',
      direction: 'DECREASE',
      sourceLine: 693,
    });
  });
});

describe('indicatorDirection', () => {
  const value = (v: number | null, bound: string | null = null): IndicatorValue => ({
    text: v === null ? '—' : `${v}${bound ?? ''}`,
    value: v,
    unit: v === null ? '' : '%',
    bound,
    note: null,
  });

  it('follows the bound whichever side of the baseline the target lies', () => {
    expect(indicatorDirection(value(89.3), value(92.7, '以内'))).toBe('DECREASE');
    expect(indicatorDirection(value(95), value(92.7, '以下'))).toBe('DECREASE');
    expect(indicatorDirection(value(3.7), value(3.7, '以内'))).toBe('DECREASE');
    expect(indicatorDirection(value(null), value(10, '以内'))).toBe('DECREASE');
    expect(indicatorDirection(value(90), value(80, '以上'))).toBe('INCREASE');
    expect(indicatorDirection(value(null), value(80, '以上'))).toBe('INCREASE');
  });

  it('compares the target with the baseline when no bound is printed', () => {
    expect(indicatorDirection(value(82.31), value(85))).toBe('INCREASE');
    expect(indicatorDirection(value(475), value(470))).toBe('DECREASE');
    expect(indicatorDirection(value(0), value(0))).toBe('UNKNOWN');
    expect(indicatorDirection(value(null), value(2))).toBe('UNKNOWN');
  });
});
