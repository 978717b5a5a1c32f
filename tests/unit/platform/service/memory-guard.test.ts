import fc from 'fast-check';
import { memoryBudget } from '../../../../src/core/memory-limit';
import {
  DEFAULT_IDLE_MS,
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

  it('refuses from past `refuse` until back under `resume`, and sheds past `shed`, for any sequence of readings after collections', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 192, max: 8192 }),
        fc.array(reading, { minLength: 1, maxLength: 40 }),
        (limitMb, readings) => {
          const budget = memoryBudget(limitMb);
          let now: MemoryReading = { heapUsed: 0, rss: 0 };
          const guard = new MemoryGuard(budget, testLogger(), { read: () => now, collect: () => undefined });
          let sheds = 0;
          guard.onShed(() => (sheds += 1));
          let expectRefusing = false;
          let anyPastShed = false;
          for (const { heapShare, rssShare } of readings) {
            now = { heapUsed: heapShare * budget.oldSpaceMb * MIB, rss: rssShare * limitMb * MIB };
            guard.afterMajorCollection();
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

  /**
   * Between collections the heap in use counts garbage: a tick's reading never makes the guard shed on the heap or
   * refuse, only lets it resume, and sheds on RSS. While refusing, a tick collects the heap itself (at most every
   * 2 s) and then reads what is alive, as after any major collection. Time is simulated, so the shed's pause and the
   * collections' spacing are part of the model.
   */
  describe('between collections', () => {
    afterEach(() => jest.useRealTimers());

    const step = fc.record({
      kind: fc.constantFrom('collection', 'tick'),
      afterMs: fc.integer({ min: 0, max: 15_000 }),
      heapShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
      rssShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
    });

    it('acts on the heap only after a collection, and collects while refusing, for any sequence of readings', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 192, max: 8192 }),
          fc.array(step, { minLength: 1, maxLength: 40 }),
          (limitMb, steps) => {
            jest.useFakeTimers({ now: 1_000_000 });
            const budget = memoryBudget(limitMb);
            let now: MemoryReading = { heapUsed: 0, rss: 0 };
            let collections = 0;
            const guard = new MemoryGuard(budget, testLogger(), {
              read: () => now,
              collect: () => (collections += 1),
              idleMs: Number.MAX_SAFE_INTEGER,
            });
            let sheds = 0;
            guard.onShed(() => (sheds += 1));
            const model = { refusing: false, sheds: 0, lastShedAt: 0, lastCollectAt: 0, collections: 0 };
            for (const { kind, afterMs, heapShare, rssShare } of steps) {
              jest.advanceTimersByTime(afterMs);
              const at = Date.now();
              now = { heapUsed: heapShare * budget.oldSpaceMb * MIB, rss: rssShare * limitMb * MIB };
              const collectsFirst = kind === 'tick' && model.refusing && at - model.lastCollectAt >= 2_000;
              if (collectsFirst) {
                model.lastCollectAt = at;
                model.collections += 1;
              }
              const alive = kind === 'collection' || collectsFirst;
              const use = Math.max(alive ? heapShare : 0, rssShare);
              if (use > MEMORY_THRESHOLDS.shed && at - model.lastShedAt > 10_000) {
                model.lastShedAt = at;
                model.sheds += 1;
              }
              if (alive && heapShare > MEMORY_THRESHOLDS.refuse) model.refusing = true;
              else if (heapShare < MEMORY_THRESHOLDS.resume) model.refusing = false;
              if (kind === 'collection') guard.afterMajorCollection();
              else guard.tick();
              expect(guard.refusing).toBe(model.refusing);
            }
            expect(sheds).toBe(model.sheds);
            expect(collections).toBe(model.collections);
          },
        ),
      );
    });
  });

  it('tells each cache how long to keep nothing new when it sheds', () => {
    const budget = memoryBudget(512);
    const guard = new MemoryGuard(budget, testLogger(), {
      read: () => ({ heapUsed: budget.oldSpaceMb * MIB, rss: 0 }),
      collect: () => undefined,
    });
    const pauses: number[] = [];
    guard.onShed((pauseMs) => pauses.push(pauseMs));
    guard.onShed((pauseMs) => pauses.push(pauseMs));
    guard.afterMajorCollection();
    expect(pauses).toHaveLength(2);
    expect(pauses.every((pause) => pause > 0)).toBe(true);
  });
});

/**
 * The idle policy, for any quiet period and any sequence of requests and checks in time: the caches are emptied
 * and the heap collected (caches first, so what they held is garbage for that collection) exactly once per
 * stretch without a request longer than the quiet period, at the first check past it, and never while requests
 * keep coming.
 */
describe('MemoryGuard when idle', () => {
  afterEach(() => jest.useRealTimers());

  const event = fc.record({
    afterMs: fc.integer({ min: 0, max: 120_000 }),
    kind: fc.constantFrom('request', 'check'),
  });

  it('empties the caches, then collects the heap, once per quiet period past `idleMs`', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5_000, max: 90_000 }), fc.array(event, { maxLength: 60 }), (idleMs, events) => {
        let now = 1_000_000;
        jest.useFakeTimers({ now });
        const order: string[] = [];
        const guard = new MemoryGuard(memoryBudget(512), testLogger(), {
          read: () => ({ heapUsed: 0, rss: 0 }),
          idleMs,
          collect: () => order.push('collect'),
        });
        guard.onShed((pauseMs) => order.push(`shed ${pauseMs}`));
        guard.onShed((pauseMs) => order.push(`shed ${pauseMs}`));
        let lastRequestAt = now;
        let releasedSinceRequest = false;
        const expected: string[] = [];
        for (const { afterMs, kind } of events) {
          now += afterMs;
          jest.setSystemTime(now);
          if (kind === 'request') {
            guard.noteRequest();
            lastRequestAt = now;
            releasedSinceRequest = false;
          } else {
            guard.tick();
            if (!releasedSinceRequest && now - lastRequestAt > idleMs) {
              releasedSinceRequest = true;
              expected.push('shed 0', 'shed 0', 'collect');
            }
          }
        }
        expect(order).toEqual(expected);
        jest.useRealTimers();
      }),
    );
  });

  it(`waits ${DEFAULT_IDLE_MS / 1000} s when given no quiet period`, () => {
    jest.useFakeTimers({ now: 1_000_000 });
    let collections = 0;
    const guard = new MemoryGuard(memoryBudget(512), testLogger(), {
      read: () => ({ heapUsed: 0, rss: 0 }),
      collect: () => (collections += 1),
    });
    jest.setSystemTime(1_000_000 + DEFAULT_IDLE_MS);
    guard.tick();
    expect(collections).toBe(0);
    jest.setSystemTime(1_000_000 + DEFAULT_IDLE_MS + 1);
    guard.tick();
    expect(collections).toBe(1);
  });

  it('frees what an emptied cache held with its default collection', async () => {
    // A real full collection: a cache's only reference dropped by its shedder is gone once the guard collected.
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setImmediate'] });
    let cache: object[] | undefined = [{ held: 'x'.repeat(1024) }];
    const held = new WeakRef(cache[0]!);
    // A WeakRef keeps its object alive until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    const guard = new MemoryGuard(memoryBudget(512), testLogger(), {
      read: () => ({ heapUsed: 0, rss: 0 }),
      idleMs: 5_000,
    });
    guard.onShed(() => (cache = undefined));
    jest.setSystemTime(1_000_000 + 5_001);
    guard.tick();
    expect(cache).toBeUndefined();
    expect(held.deref()).toBeUndefined();
  });
});
