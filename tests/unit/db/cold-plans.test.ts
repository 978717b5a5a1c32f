import fc from 'fast-check';
import { COLD_LANES, ColdPlans, type PlannedRun } from '../../../src/db/cold-plans';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the lanes of statements planned again after a restart', () => {
  it('plans each statement once, at most two at a time, its other runs waiting for that plan', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 24 }),
        async (texts) => {
          const plans = new ColdPlans();
          plans.plansLost();
          let planningNow = 0;
          let most = 0;
          const plannedBy = new Map<string, number>();
          await Promise.all(
            texts.map(async (text) => {
              const turn = plans.turn(text, 10_000);
              const ended = turn === undefined ? undefined : await turn;
              if (ended === undefined) {
                // Ran without a lane: only once its statement is planned (or being planned by a run that ended).
                expect(plannedBy.get(text)).toBe(1);
                return;
              }
              planningNow += 1;
              most = Math.max(most, planningNow);
              plannedBy.set(text, (plannedBy.get(text) ?? 0) + 1);
              await sleep(1);
              planningNow -= 1;
              ended(true);
            }),
          );
          expect(most).toBeLessThanOrEqual(COLD_LANES);
          for (const text of new Set(texts)) expect(plannedBy.get(text)).toBe(1);
          // Planned: later runs go at once.
          for (const text of texts) expect(plans.turn(text, 10_000)).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds nothing before the plans are lost, nor once the re-planning is over', () => {
    const plans = new ColdPlans();
    expect(plans.turn('a', 1_000)).toBeUndefined();
    expect(plans.isPlannedOrPlanning('a')).toBe(true);
    plans.plansLost();
    expect(plans.isPlannedOrPlanning('a')).toBe(false);
    plans.replanningEnded();
    expect(plans.turn('a', 1_000)).toBeUndefined();
  });

  it('lets a run whose time is spent waiting go on without a lane, and plan it the next time', async () => {
    const plans = new ColdPlans();
    plans.plansLost();
    const held: PlannedRun[] = [];
    for (const text of ['a', 'b']) held.push((await plans.turn(text, 1_000)) ?? (() => undefined));
    expect(await plans.turn('c', 20)).toBeUndefined();
    expect(plans.isPlannedOrPlanning('c')).toBe(false);
    for (const ended of held) ended(true);
    const next = await plans.turn('c', 1_000);
    expect(next).toBeDefined();
    // A run that failed (a connection the dead JVM left) did not plan it: the next run takes a lane again.
    next?.(false);
    const again = await plans.turn('c', 1_000);
    expect(again).toBeDefined();
    again?.(true);
    expect(plans.turn('c', 1_000)).toBeUndefined();
  });

  it("takes no read's lane for the background re-planning, and makes reads of its statement wait for its plan", async () => {
    const plans = new ColdPlans();
    plans.plansLost();
    const background = plans.backgroundTurn('a');
    expect(background).toBeDefined();
    expect(plans.backgroundTurn('a')).toBeUndefined();
    // Both lanes are still the reads'.
    const lanes = [await plans.turn('b', 1_000), await plans.turn('c', 1_000)];
    expect(lanes.every((ended) => ended !== undefined)).toBe(true);
    let readOfA = false;
    const waiting = plans.turn('a', 10_000)?.then((ended) => {
      readOfA = true;
      return ended;
    });
    await sleep(5);
    expect(readOfA).toBe(false);
    background?.(true);
    expect(await waiting).toBeUndefined();
    expect(plans.turn('a', 1_000)).toBeUndefined();
    for (const ended of lanes) ended?.(true);
  });
});
