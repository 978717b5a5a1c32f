import fc from 'fast-check';
import { RequestSlots } from '../../../../src/platform/service/request-slots';

/**
 * The service's admission of API requests, over any traffic: arrivals at any times, any durations, any
 * number of slots and any wait. Time is jest's fake clock, so each draw runs its whole schedule exactly.
 */
interface Arrival {
  readonly atMs: number;
  readonly durationMs: number;
}

interface Outcome {
  readonly arrival: number;
  readonly admittedAfterMs?: number;
  readonly refusedAfterMs?: number;
}

const traffic = fc.record({
  maxConcurrent: fc.integer({ min: 1, max: 5 }),
  maxWaitMs: fc.integer({ min: 0, max: 300 }),
  arrivals: fc.array(
    fc.record({ atMs: fc.integer({ min: 0, max: 1_000 }), durationMs: fc.integer({ min: 1, max: 400 }) }),
    { minLength: 1, maxLength: 80 },
  ),
});

/** Runs the schedule on the fake clock; checks the invariants at every admission and refusal. */
async function run(
  slots: RequestSlots,
  arrivals: readonly Arrival[],
  invariant: (slots: RequestSlots) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const order = arrivals.map((arrival, index) => ({ ...arrival, index })).sort((a, b) => a.atMs - b.atMs);
  for (const arrival of order) {
    setTimeout(() => {
      const arrivedAt = Date.now();
      void slots.enter().then((release) => {
        invariant(slots);
        const waitedMs = Date.now() - arrivedAt;
        if (release === undefined) {
          outcomes.push({ arrival: arrival.index, refusedAfterMs: waitedMs });
          return;
        }
        outcomes.push({ arrival: arrival.index, admittedAfterMs: waitedMs });
        setTimeout(() => {
          release();
          invariant(slots);
        }, arrival.durationMs);
      });
    }, arrival.atMs);
  }
  await jest.advanceTimersByTimeAsync(1_000 + 400 * arrivals.length + 1_000);
  return outcomes;
}

describe('request slots', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never work on more than the limit, keep every slot busy while any request waits, and answer each within the wait', async () => {
    await fc.assert(
      fc.asyncProperty(traffic, async ({ maxConcurrent, maxWaitMs, arrivals }) => {
        const slots = new RequestSlots({ maxConcurrent, maxWaitMs });
        const outcomes = await run(slots, arrivals, (now) => {
          expect(now.inUse).toBeLessThanOrEqual(maxConcurrent);
          // Work-conserving: a slot freed goes to a waiting request at once.
          if (now.waiting > 0) expect(now.inUse).toBe(maxConcurrent);
        });
        expect(outcomes).toHaveLength(arrivals.length);
        for (const outcome of outcomes) {
          const waited = outcome.admittedAfterMs ?? outcome.refusedAfterMs ?? Number.NaN;
          expect(waited).toBeGreaterThanOrEqual(0);
          expect(waited).toBeLessThanOrEqual(maxWaitMs);
          // Turned away only after the whole wait, or at once when no wait could end well.
          if (outcome.refusedAfterMs !== undefined && outcome.refusedAfterMs > 0) {
            expect(outcome.refusedAfterMs).toBe(maxWaitMs);
          }
        }
        // Everything admitted has ended: every slot is free again and no one waits.
        expect(slots.inUse).toBe(0);
        expect(slots.waiting).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('admits whoever arrives while a slot is free, and refuses at once when the wait is 0 and none is', async () => {
    const slots = new RequestSlots({ maxConcurrent: 2, maxWaitMs: 0 });
    const first = await slots.enter();
    const second = await slots.enter();
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    await expect(slots.enter()).resolves.toBeUndefined();
    first?.();
    first?.(); // a second release of the same slot frees nothing more
    expect(slots.inUse).toBe(1);
    expect(await slots.enter()).toBeDefined();
    await expect(slots.enter()).resolves.toBeUndefined();
  });

  it('lets waiting requests in in the order they arrived', async () => {
    const slots = new RequestSlots({ maxConcurrent: 1, maxWaitMs: 1_000 });
    const holder = await slots.enter();
    const admitted: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      slots.enter().then((release) => {
        admitted.push(n);
        release?.();
      }),
    );
    expect(slots.waiting).toBe(3);
    holder?.();
    await Promise.all(waiting);
    expect(admitted).toEqual([1, 2, 3]);
  });

  it('tell a request how many others held a slot beside it on average, its own slot not counted', async () => {
    const slots = new RequestSlots({ maxConcurrent: 4, maxWaitMs: 1_000 });
    const alone = slots.alongsideFromNow();
    const own = slots.tryEnter();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(alone()).toBe(0);

    const crowded = slots.alongsideFromNow();
    const others = [slots.tryEnter(), slots.tryEnter()];
    await jest.advanceTimersByTimeAsync(1_000);
    expect(crowded()).toBeCloseTo(2, 6);
    // One of the two leaves (twice: a slot is released once): over 2 s, two others for one and one for the other.
    others[0]?.();
    others[0]?.();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(crowded()).toBeCloseTo(1.5, 6);
    expect(slots.inUse).toBe(2);
    others[1]?.();
    own?.();
    expect(slots.inUse).toBe(0);
  });
});
