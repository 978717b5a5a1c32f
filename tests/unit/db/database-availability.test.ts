import fc from 'fast-check';
import { ANSWER_TIMEOUT_MS, DatabaseAvailability } from '../../../src/db/database-availability';

/** A ping that never answers: a frozen database, or one whose cores the requests' statements keep busy. */
const unanswered = (): Promise<void> => new Promise<void>(() => undefined);

describe('DatabaseAvailability', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('counts a database that answered any request statement while its ping waited as answering', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ANSWER_TIMEOUT_MS - 1 }), async (answeredAfterMs) => {
        const availability = new DatabaseAvailability(unanswered);
        const verdict = availability.answering();
        await jest.advanceTimersByTimeAsync(answeredAfterMs);
        availability.noteAnswered();
        await jest.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS);
        expect(await verdict).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('counts one that answered nothing after its ping started as not answering, whatever it answered before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5_000 }), async (answeredBeforeMs) => {
        const availability = new DatabaseAvailability(unanswered);
        availability.noteAnswered();
        await jest.advanceTimersByTimeAsync(answeredBeforeMs);
        const verdict = availability.answering();
        await jest.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS);
        expect(await verdict).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('counts a ping answered in time as answering', async () => {
    const availability = new DatabaseAvailability(() => Promise.resolve());
    expect(await availability.answering()).toBe(true);
  });

  it('gives the ping asked ahead of a deadline the whole lead but a margin, within half of any budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 600_000 }), (budgetMs) => {
        const asked: number[] = [];
        new DatabaseAvailability((timeoutMs) => {
          asked.push(timeoutMs);
          return unanswered();
        }).askAhead(budgetMs);
        const lead = DatabaseAvailability.leadMs(budgetMs);
        expect(lead).toBeLessThanOrEqual(budgetMs / 2);
        expect(asked).toHaveLength(1);
        expect(asked[0]).toBeLessThan(Math.max(2, lead));
        expect(asked[0]).toBeGreaterThanOrEqual(Math.min(ANSWER_TIMEOUT_MS, lead - 200));
      }),
    );
  });

  it('lets a database that answers its ahead ping after more than a second count as answering', async () => {
    const availability = new DatabaseAvailability(
      (timeoutMs) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(timeoutMs - 1, 2_500))),
    );
    availability.askAhead(10_000);
    const verdict = availability.answeringBy(Date.now() + 3_200, 3_400);
    await jest.advanceTimersByTimeAsync(3_300);
    expect(await verdict).toBe(true);
  });

  it("takes what the database answered within a request's lead, when the ping at hand is another's still waiting", async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async (answeredInLead) => {
        const availability = new DatabaseAvailability(unanswered);
        const deadline = Date.now() + 3_200;
        // This request's ahead ping, then another request's a moment before the deadline (it replaces the first).
        availability.askAhead(10_000);
        await jest.advanceTimersByTimeAsync(2_900);
        if (answeredInLead) availability.noteAnswered();
        availability.askAhead(10_000);
        const verdict = availability.answeringBy(deadline + 100, 3_300);
        await jest.advanceTimersByTimeAsync(400);
        expect(await verdict).toBe(answeredInLead);
      }),
      { numRuns: 10 },
    );
  });
});
