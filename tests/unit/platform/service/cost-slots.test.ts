import fc from 'fast-check';
import { CostSlots } from '../../../../src/platform/service/cost-slots';

/**
 * Admission by cost over any traffic: arrivals at any times with any costs (cheap, wide, past the capacity)
 * and durations, any capacity and wait. Time is jest's fake clock, so each draw runs its whole schedule exactly.
 */
interface Arrival {
  readonly atMs: number;
  readonly cost: number;
  readonly durationMs: number;
}

interface Outcome {
  readonly arrival: number;
  readonly admittedAtMs?: number;
  readonly waitedMs: number;
}

const traffic = fc.record({
  capacity: fc.integer({ min: 1, max: 1_000 }),
  maxWaitMs: fc.integer({ min: 0, max: 300 }),
  arrivals: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 1_000 }),
      cost: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2_000 })),
      durationMs: fc.integer({ min: 1, max: 400 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

/** The weight a request holds: its cost, at least 1, at most the capacity (then it runs alone). */
const weightOf = (cost: number, capacity: number): number => Math.min(capacity, Math.max(1, cost));

async function run(slots: CostSlots, arrivals: readonly Arrival[], check: () => void): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  arrivals.forEach((arrival, index) => {
    setTimeout(() => {
      const arrivedAt = Date.now();
      void slots.enter(arrival.cost).then((release) => {
        check();
        const waitedMs = Date.now() - arrivedAt;
        if (release === undefined) {
          outcomes.push({ arrival: index, waitedMs });
          return;
        }
        outcomes.push({ arrival: index, admittedAtMs: Date.now(), waitedMs });
        setTimeout(() => {
          release();
          release(); // a second release frees nothing more
          check();
        }, arrival.durationMs);
      });
    }, arrival.atMs);
  });
  await jest.advanceTimersByTimeAsync(1_000 + 400 * arrivals.length + 1_000);
  return outcomes;
}

describe('cost slots', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never run more than the capacity, answer each within the wait, admit in arrival order, and end empty', async () => {
    await fc.assert(
      fc.asyncProperty(traffic, async ({ capacity, maxWaitMs, arrivals }) => {
        const slots = new CostSlots(capacity, maxWaitMs);
        const outcomes = await run(slots, arrivals, () => {
          expect(slots.inFlight).toBeLessThanOrEqual(capacity);
          expect(slots.inFlight).toBeGreaterThanOrEqual(0);
        });
        expect(outcomes).toHaveLength(arrivals.length);
        for (const outcome of outcomes) {
          expect(outcome.waitedMs).toBeGreaterThanOrEqual(0);
          expect(outcome.waitedMs).toBeLessThanOrEqual(maxWaitMs);
          // Turned away only after the whole wait (or at once when there is none).
          if (outcome.admittedAtMs === undefined) expect(outcome.waitedMs).toBe(maxWaitMs);
        }
        // No overtaking: of two admitted requests, the one that arrived first was let in no later.
        const admitted = outcomes.filter((o) => o.admittedAtMs !== undefined);
        const arrivedAt = (o: Outcome): number => arrivals[o.arrival]?.atMs ?? 0;
        for (const a of admitted) {
          for (const b of admitted) {
            if (arrivedAt(a) < arrivedAt(b)) expect(a.admittedAtMs).toBeLessThanOrEqual(b.admittedAtMs ?? 0);
          }
        }
        expect(slots.inFlight).toBe(0);
        expect(slots.waiting).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('runs cheap operations side by side and a wide one alone; the wide one is turned away when it cannot fit in time', async () => {
    const slots = new CostSlots(100, 50);
    const cheap = await Promise.all([slots.enter(10), slots.enter(10), slots.enter(10)]);
    expect(cheap.every((release) => release !== undefined)).toBe(true);
    expect(slots.inFlight).toBe(30);
    const wide = slots.enter(5_000); // past the capacity: counts as all of it
    expect(slots.waiting).toBe(1);
    const behind = slots.enter(1); // no overtaking, even for the cheapest
    expect(slots.waiting).toBe(2);
    await jest.advanceTimersByTimeAsync(50);
    await expect(wide).resolves.toBeUndefined();
    // The wide one gone, the cheap one behind it fits at once.
    const cheapBehind = await behind;
    expect(cheapBehind).toBeDefined();
    for (const release of [...cheap, cheapBehind]) release?.();
    expect(slots.inFlight).toBe(0);
    const alone = await slots.enter(5_000);
    expect(slots.inFlight).toBe(weightOf(5_000, 100));
    const nothing = slots.enter(0); // full: even a cost of 0 weighs 1, and waits
    await jest.advanceTimersByTimeAsync(50);
    await expect(nothing).resolves.toBeUndefined();
    alone?.();
  });
});
