import fc from 'fast-check';
import { memoryBudget } from '../../../../src/core/memory-limit';
import {
  IDLE_SHED_MS,
  MEMORY_THRESHOLDS,
  MemoryGuard,
  type MemoryReading,
} from '../../../../src/platform/service/memory-guard';
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

describe('MemoryGuard when idle', () => {
  afterEach(() => jest.useRealTimers());

  it('empties the caches once after IDLE_SHED_MS without a request, and again only after the next request', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const guard = new MemoryGuard(memoryBudget(512), testLogger(), () => ({ heapUsed: 0, rss: 0 }));
    let sheds = 0;
    guard.onShed(() => (sheds += 1));
    guard.noteRequest();
    jest.setSystemTime(1_000_000 + IDLE_SHED_MS - 1);
    guard.check();
    expect(sheds).toBe(0);
    jest.setSystemTime(1_000_000 + IDLE_SHED_MS + 1);
    guard.check();
    guard.check();
    expect(sheds).toBe(1);
    guard.noteRequest();
    guard.check();
    expect(sheds).toBe(1);
    jest.setSystemTime(1_000_000 + 2 * IDLE_SHED_MS + 2);
    guard.check();
    expect(sheds).toBe(2);
  });
});
