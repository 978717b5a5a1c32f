import fc from 'fast-check';
import { RecentReads, type RecentReadsLimits } from '../../../src/db/recent-reads';

const LIMITS: RecentReadsLimits = { maxStatements: 3, maxParamsChars: 40, windowMs: 1_000 };

/** A recorder on a clock the test moves. */
function recorder(limits: RecentReadsLimits = LIMITS): { reads: RecentReads; clock: { now: number } } {
  const clock = { now: 0 };
  return { reads: new RecentReads(limits, () => clock.now), clock };
}

const texts = (reads: RecentReads): string[] => reads.inWarmingOrder().map((read) => read.text);

describe('the read statements kept to plan again on a restarted database', () => {
  it('orders the statements not under way by use, the most used first, then the most recent', () => {
    // Any sequence of runs, each ended or left under way: the order holds for every draw.
    const run = fc.record({ text: fc.constantFrom('a', 'b', 'c', 'd', 'e'), ended: fc.boolean() });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs) => {
        const { reads, clock } = recorder({ ...LIMITS, maxStatements: 10 });
        const seen = new Map<string, { uses: number; last: number; underWay: number }>();
        for (const { text, ended } of runs) {
          clock.now += 1;
          const recorded = reads.record(text, {});
          if (ended) recorded.end();
          const entry = seen.get(text) ?? { uses: 0, last: 0, underWay: 0 };
          seen.set(text, { uses: entry.uses + 1, last: clock.now, underWay: entry.underWay + (ended ? 0 : 1) });
        }
        const expected = [...seen]
          .filter(([, entry]) => entry.underWay === 0)
          .sort(([, a], [, b]) => b.uses - a.uses || b.last - a.last)
          .map(([text]) => text);
        expect(texts(reads)).toEqual(expected);
        for (const [text, entry] of seen) expect(reads.isRunning(text)).toBe(entry.underWay > 0);
      }),
    );
  });

  it('counts a run as under way until its end, however often it is ended', () => {
    const { reads } = recorder();
    const first = reads.record('a', {});
    const second = reads.record('a', {});
    first.end();
    first.end(); // once only: the count does not go below the runs under way
    expect(reads.isRunning('a')).toBe(true);
    second.end();
    expect(reads.isRunning('a')).toBe(false);
    expect(texts(reads)).toEqual(['a']);
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
});
