import { readFileSync } from 'node:fs';
import { achievementRate, type ProgressBasis, progressRule } from '../../../src/write/achievement-rate';

interface SeedNode {
  id: string;
  label: string;
  properties: { current?: number; target?: number; targetBound?: string; direction: string };
}

/** The indicators as the ingestion wrote them from 001 (seed/graph.json): baseline, target and bound. */
const indicators = new Map(
  (JSON.parse(readFileSync('seed/graph.json', 'utf8')) as { nodes: SeedNode[] }).nodes
    .filter((n) => n.label === 'Indicator')
    .map((n) => [n.id, n.properties]),
);
function basisOf(id: string): ProgressBasis {
  const p = indicators.get(id);
  if (!p) throw new Error(`${id} is not in seed/graph.json`);
  return { current: p.current ?? null, target: p.target ?? null, targetBound: p.targetBound ?? null };
}

describe('achievement rate of an indicator (baseline 現状値 → target 目標値 of 001)', () => {
  it('counts the share of the way up for an indicator to bring up: 5-1-1 自治会の加入率 82.31 % → 85.00 %', () => {
    expect(indicators.get('indicator:5-1-1')?.direction).toBe('INCREASE');
    expect(progressRule(basisOf('indicator:5-1-1'))).toBe('BASELINE_TO_TARGET');
    // (84.5 − 82.31) / (85 − 82.31) = 2.19 / 2.69 = 0.8141… → 81.4 %
    expect(achievementRate(basisOf('indicator:5-1-1'), 84.5)).toBe(81.4);
    expect(achievementRate(basisOf('indicator:5-1-1'), 82.31)).toBe(0);
    expect(achievementRate(basisOf('indicator:5-1-1'), 86)).toBe(137.2); // (86 − 82.31) / 2.69: beyond the target
    expect(achievementRate(basisOf('indicator:5-1-1'), 80)).toBe(-85.9); // (80 − 82.31) / 2.69: away from it
  });

  it('counts a fall as progress for an indicator to bring down: 5-4-1 刑法犯認知件数 475 件 → 470 件', () => {
    expect(indicators.get('indicator:5-4-1')?.direction).toBe('DECREASE');
    // (472 − 475) / (470 − 475) = −3 / −5 = 0.6 → 60 %
    expect(achievementRate(basisOf('indicator:5-4-1'), 472)).toBe(60);
    // (480 − 475) / (470 − 475) = 5 / −5 = −1 → −100 %: a rise is moving away
    expect(achievementRate(basisOf('indicator:5-4-1'), 480)).toBe(-100);
  });

  it('treats a target printed with 以内 as a ceiling: 6-5-1 経常収支比率 89.3 % → 92.7 %以内', () => {
    const basis = basisOf('indicator:6-5-1');
    expect(basis.targetBound).toBe('以内');
    expect(progressRule(basis)).toBe('CEILING');
    expect(achievementRate(basis, 91)).toBe(100);
    expect(achievementRate(basis, 92.7)).toBe(100);
    // 95 exceeds 92.7 by 2.3, 2.3 / 92.7 = 2.48… % → −2.5
    expect(achievementRate(basis, 95)).toBe(-2.5);
    // 6-5-2 実質公債費比率 3.7 % → 3.7 %以内: no distance, but a ceiling to keep.
    expect(achievementRate(basisOf('indicator:6-5-2'), 3.7)).toBe(100);
  });

  it('gives no rate where the documents give no distance to cover, and says why', () => {
    // 5-1-3 市民提案型事業数: — → 2 件 (no baseline)
    expect(progressRule(basisOf('indicator:5-1-3'))).toBe('NO_BASELINE');
    expect(achievementRate(basisOf('indicator:5-1-3'), 2)).toBeNull();
    // 6-5-3 将来負担比率: 0.0 % → 0.0 % (no bound)
    expect(progressRule(basisOf('indicator:6-5-3'))).toBe('NO_DISTANCE');
    expect(achievementRate(basisOf('indicator:6-5-3'), 0)).toBeNull();
    expect(progressRule({ current: 5, target: null, targetBound: null })).toBe('NO_TARGET');
  });

  it('reads a floor (以上) the other way round, and a bound of 0 as missed entirely', () => {
    expect(achievementRate({ current: 10, target: 20, targetBound: '以上' }, 25)).toBe(100);
    expect(achievementRate({ current: 10, target: 20, targetBound: '以上' }, 15)).toBe(-25);
    expect(achievementRate({ current: 0, target: 0, targetBound: '以内' }, 0.5)).toBe(-100);
  });
});
