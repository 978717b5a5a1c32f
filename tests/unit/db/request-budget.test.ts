import fc from 'fast-check';
import { RequestBudget } from '../../../src/db/request-budget';
import { Semaphore } from '../../../src/db/semaphore';
import { ErrorCode, RequestTimeoutError, ServiceBusyError } from '../../../src/core/errors';
import { timerLateness } from '../../helpers/timer-lateness';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Semaphore', () => {
  it('lets at most `permits` holders run at once, the rest in arrival order', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (n) => {
        const release = await semaphore.acquire();
        running += 1;
        peak = Math.max(peak, running);
        order.push(n);
        await sleep(5);
        running -= 1;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(semaphore.inUse).toBe(0);
  });

  it('drops a waiter whose signal aborts, without losing the permit', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    release();
    const again = await semaphore.acquire();
    expect(semaphore.inUse).toBe(1);
    again();
    expect(semaphore.inUse).toBe(0);
  });
});

describe('RequestBudget', () => {
  it('gives each piece of work the time left, which shrinks', async () => {
    const created = Date.now();
    const budget = new RequestBudget({ timeoutMs: 1_000, maxSessions: 2 });
    const first = await budget.withSession((left) => Promise.resolve(left));
    // What passed since the budget was made, measured here: a loaded machine takes longer to get there.
    const elapsed = Date.now() - created;
    await sleep(50);
    const second = await budget.withSession((left) => Promise.resolve(left));
    expect(first).toBeLessThanOrEqual(1_000);
    expect(first).toBeGreaterThanOrEqual(1_000 - elapsed);
    expect(second).toBeLessThan(first);
  });

  it('answers REQUEST_TIMEOUT at the deadline while the work still hangs, naming the budget', async () => {
    const budget = new RequestBudget({ timeoutMs: 100, maxSessions: 1 });
    const started = Date.now();
    const lateness = timerLateness(100);
    const outcome = budget.withSession(() => new Promise<never>(() => undefined));
    await expect(outcome).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(outcome).rejects.toMatchObject({ extensions: { code: ErrorCode.REQUEST_TIMEOUT, budgetMs: 100 } });
    // At the deadline, however late this machine fires a timer of that length now (measured beside it).
    expect(Date.now() - started).toBeLessThan(1_000 + (await lateness));
  });

  it('queues work past its session cap and times out what waits beyond the deadline', async () => {
    const budget = new RequestBudget({ timeoutMs: 150, maxSessions: 1 });
    let finishFirst: () => void = () => undefined;
    const first = budget.withSession(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = budget.withSession(() => Promise.resolve('ran'));
    expect(budget.sessionsInUse).toBe(1);
    // Both reject at the deadline, in either order: the queued one on the deadline's signal, the running one
    // on its own timer.
    await Promise.all([
      expect(second).rejects.toBeInstanceOf(RequestTimeoutError),
      expect(first).rejects.toBeInstanceOf(RequestTimeoutError),
    ]);
    // The permit comes back only when the abandoned work really ends (its session closed).
    expect(budget.sessionsInUse).toBe(1);
    finishFirst();
    await sleep(0);
    expect(budget.sessionsInUse).toBe(0);
  });

  it('refuses to start work once the deadline has passed', async () => {
    const budget = new RequestBudget({ timeoutMs: 10, maxSessions: 1 }, Date.now() - 50);
    let started = false;
    await expect(
      budget.withSession(() => {
        started = true;
        return Promise.resolve();
      }),
    ).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(started).toBe(false);
  });

  it('marks the work expired in the same turn as it answers, with the error the work chose for its deadline', async () => {
    const budget = new RequestBudget({ timeoutMs: 80, maxSessions: 1 });
    let seen: { passed: boolean } | undefined;
    let committing = false;
    const outcome = budget.withSession(
      (_left, expiry) => {
        seen = expiry;
        committing = true;
        return new Promise<never>(() => undefined);
      },
      { atDeadline: () => new Error(committing ? 'outcome unknown' : 'timed out') },
    );
    expect(seen?.passed).toBe(false);
    await expect(outcome).rejects.toThrow('outcome unknown');
    expect(seen?.passed).toBe(true);
  });

  it('runs what is asked ahead of the deadline only while the work still runs', async () => {
    const budget = new RequestBudget({ timeoutMs: 200, maxSessions: 2 });
    const asked: number[] = [];
    const started = Date.now();
    // The ahead-of-deadline run is due 100 ms in; a timer of that length beside it says how late this machine is.
    const lateness = timerLateness(100);
    const ahead = { leadMs: 100, run: () => asked.push(Date.now() - started) };
    await budget.withSession(() => sleep(10), { ahead });
    expect(asked).toEqual([]);
    await expect(budget.withSession(() => new Promise<never>(() => undefined), { ahead })).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeGreaterThanOrEqual(80);
    expect(asked[0]).toBeLessThan(200 + (await lateness));
  });
});

describe('a request out of time beside others (RequestBudget.overloadError)', () => {
  const limits = { timeoutMs: 10_000, maxSessions: 2 };

  it('is SERVICE_BUSY, retryable, naming the load and the budget, at one other request or more on average', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10_000, noNaN: true }), (others) => {
        const error = new RequestBudget(limits, Date.now(), () => others).overloadError();
        expect(error).toBeInstanceOf(ServiceBusyError);
        expect(error?.extensions).toMatchObject({ code: ErrorCode.SERVICE_BUSY, retryable: true });
        expect(error?.message).toContain(`${others.toFixed(1)} other requests on average`);
        expect(error?.message).toContain('time budget of 10000 ms (REQUEST_TIMEOUT_MS)');
      }),
    );
  });

  it('leaves REQUEST_TIMEOUT standing below one other on average, or when nothing measured the load', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (others) => {
        expect(new RequestBudget(limits, Date.now(), () => others).overloadError()).toBeUndefined();
      }),
    );
    expect(new RequestBudget(limits).overloadError()).toBeUndefined();
  });
});
