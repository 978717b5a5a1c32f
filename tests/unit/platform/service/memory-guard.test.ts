import fc from 'fast-check';
import { memoryBudget } from '../../../../src/core/memory-limit';
import { MEMORY_THRESHOLDS, MemoryGuard, type MemoryReading } from '../../../../src/platform/service/memory-guard';
import { testLogger } from '../../../helpers/log-capture';

const MIB = 1024 * 1024;

/**
 * The guard against the memory limit, fed readings instead of the process's own: whatever sequence of heap and
 * RSS readings, it refuses exactly while the heap (over the old generation) went past `refuse` and has not yet
 * come back under `resume`, whatever RSS does, and it empties the caches when the heap or RSS (over the limit)
 * passes `shed`.
 */
describe('MemoryGuard', () => {
  const reading = fc.record({
    heapShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
    rssShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
  });

  it('refuses from past `refuse` until back under `resume`, and sheds past `shed`, for any sequence of readings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 192, max: 8192 }),
        fc.array(reading, { minLength: 1, maxLength: 40 }),
        (limitMb, readings) => {
          const budget = memoryBudget(limitMb);
          let now: MemoryReading = { heapUsed: 0, rss: 0 };
          const guard = new MemoryGuard(budget, testLogger(), () => now);
          let sheds = 0;
          guard.onShed(() => (sheds += 1));
          let expectRefusing = false;
          let anyPastShed = false;
          for (const { heapShare, rssShare } of readings) {
            now = { heapUsed: heapShare * budget.oldSpaceMb * MIB, rss: rssShare * limitMb * MIB };
            guard.check();
            if (heapShare > MEMORY_THRESHOLDS.refuse) expectRefusing = true;
            else if (heapShare < MEMORY_THRESHOLDS.resume) expectRefusing = false;
            anyPastShed ||= Math.max(heapShare, rssShare) > MEMORY_THRESHOLDS.shed;
            expect(guard.refusing).toBe(expectRefusing);
          }
          // Shed once at the first reading past `shed`; not again within its pause (the readings take no time here).
          expect(sheds).toBe(anyPastShed ? 1 : 0);
        },
      ),
    );
  });

  it('tells each cache how long to keep nothing new when it sheds', () => {
    const budget = memoryBudget(512);
    const guard = new MemoryGuard(budget, testLogger(), () => ({ heapUsed: budget.oldSpaceMb * MIB, rss: 0 }));
    const pauses: number[] = [];
    guard.onShed((pauseMs) => pauses.push(pauseMs));
    guard.onShed((pauseMs) => pauses.push(pauseMs));
    guard.check();
    expect(pauses).toHaveLength(2);
    expect(pauses.every((pause) => pause > 0)).toBe(true);
  });
});
