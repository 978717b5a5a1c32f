import { RecentReads, type RecentReadsLimits } from '../../../src/db/recent-reads';

const LIMITS: RecentReadsLimits = { maxStatements: 3, maxParamsChars: 40, windowMs: 1_000 };

/** A recorder on a clock the test moves. */
function recorder(limits: RecentReadsLimits = LIMITS): { reads: RecentReads; clock: { now: number } } {
  const clock = { now: 0 };
  return { reads: new RecentReads(limits, () => clock.now), clock };
}

const texts = (reads: RecentReads): string[] => reads.inWarmingOrder().map((read) => read.text);

describe('the read statements kept to warm a restarted database', () => {
  it('puts the reads under way (held while the database is away) first, the most recent first, then the most used', () => {
    const { reads, clock } = recorder({ ...LIMITS, maxStatements: 10 });
    for (let i = 0; i < 3; i++) reads.record('MATCH (a) RETURN a', {}).end();
    reads.record('MATCH (b) RETURN b', {}).end();
    clock.now = 10;
    const held = reads.record('MATCH (c) RETURN c', {});
    clock.now = 20;
    reads.record('MATCH (d) RETURN d', {});
    expect(texts(reads)).toEqual([
      'MATCH (d) RETURN d',
      'MATCH (c) RETURN c',
      'MATCH (a) RETURN a',
      'MATCH (b) RETURN b',
    ]);
    held.end();
    held.end(); // once only: the count does not go below the runs under way
    expect(texts(reads).slice(0, 2)).toEqual(['MATCH (d) RETURN d', 'MATCH (a) RETURN a']);
  });

  it('keeps the parameters of a statement to run it again, unless they are too long to keep', () => {
    const { reads } = recorder();
    reads.record('short', { code: '5-1' }).end();
    reads.record('long', { codes: Array.from({ length: 20 }, (_, i) => `code-${i}`) }).end();
    expect(reads.inWarmingOrder()).toEqual(
      expect.arrayContaining([
        { text: 'short', params: { code: '5-1' } },
        { text: 'long', params: {} },
      ]),
    );
  });

  it('forgets the least used statement for a new one once full', () => {
    const { reads, clock } = recorder();
    reads.record('a', {}).end();
    reads.record('a', {}).end();
    reads.record('b', {}).end();
    clock.now = 5;
    reads.record('c', {}).end();
    reads.record('d', {}).end();
    expect(reads.size).toBe(3);
    expect(texts(reads).sort()).toEqual(['a', 'c', 'd']);
  });

  it('counts the current and the previous window only: statements unused for two windows are forgotten', () => {
    const { reads, clock } = recorder();
    reads.record('old', {}).end();
    clock.now = 1_000;
    reads.record('new', {}).end();
    expect(texts(reads).sort()).toEqual(['new', 'old']);
    clock.now = 2_000;
    reads.record('new', {}).end();
    expect(texts(reads)).toEqual(['new']);
  });

  it('holds a run of a statement from the moment the plans are lost until the warm-up has run it', async () => {
    const { reads } = recorder();
    reads.record('a', {}).end();
    reads.record('b', {}).end();
    expect(reads.whenReplanned('a')).toBeUndefined();
    reads.plansLost();
    const order: string[] = [];
    void reads.whenReplanned('a')?.then(() => order.push('a'));
    void reads.whenReplanned('b')?.then(() => order.push('b'));
    reads.record('first seen while away', {});
    expect(reads.whenReplanned('first seen while away')).toBeDefined();
    reads.replanned('b');
    await Promise.resolve();
    expect(order).toEqual(['b']);
    expect(reads.whenReplanned('b')).toBeUndefined();
    reads.replanningEnded();
    await Promise.resolve();
    expect(order).toEqual(['b', 'a']);
    expect(reads.whenReplanned('first seen while away')).toBeUndefined();
  });
});
