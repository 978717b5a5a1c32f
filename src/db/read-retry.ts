import { setTimeout as sleep } from 'node:timers/promises';
import { Neo4jError } from 'neo4j-driver';

/** Wait before the second try; doubled for each further one, up to `MAX_DELAY_MS`, with jitter. */
const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;
/** A try is not started with less time left than this: it could not get an answer anyway. */
const LEAST_TIME_FOR_A_TRY_MS = 20;

/**
 * The time within which a read outside any request (start-up, the data version's poll) is retried: the
 * driver's own bound for its managed transactions (`maxTransactionRetryTime`, src/db/driver.ts).
 */
export const RETRY_OUTSIDE_REQUESTS_MS = 2_000;

/**
 * A transient error by the driver's own classification (`Neo4jError.isRetryable`): the connection was lost
 * (`ServiceUnavailable`, e.g. the server restarts or the routing table is being refreshed), the server ended
 * the session (`SessionExpired`, e.g. a cluster member stepped down), or the server says to try again
 * (`Neo.TransientError.*`, e.g. a leader switch or a database starting). Such a read may succeed if tried again.
 */
export function isTransient(error: unknown): boolean {
  // A statement stopped for running past its time (some servers call that transient) would only run out again.
  return error instanceof Neo4jError && Neo4jError.isRetryable(error) && !/TimedOut|Terminated/.test(error.code);
}

/** A read that kept failing with transient errors until no time was left to try again. */
export class RetriesExhausted extends Error {
  override name = 'RetriesExhausted';

  constructor(
    readonly last: Neo4jError,
    readonly tries: number,
    readonly elapsedMs: number,
  ) {
    super(`${last.code} after ${tries} tries over ${elapsedMs} ms`);
  }

  /** For the client's error message: how often and how long it was tried, and why it stopped. */
  describe(): string {
    return `tried ${this.tries} times over ${(this.elapsedMs / 1000).toFixed(1)} s until the time budget left no room for another`;
  }
}

/**
 * Runs `read` and, while it fails with a transient error, again after a growing pause, as long as the pause
 * and a try still fit in `remainingMs()` (the request's time budget). Reads only: a read may run twice with
 * no effect, which is why auto-commit reads can be retried here the way the driver retries transactions.
 * Any other error, and the last transient one when time is up (as `RetriesExhausted`), is thrown.
 */
export async function retryTransient<T>(read: () => Promise<T>, remainingMs: () => number): Promise<T> {
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    try {
      return await read();
    } catch (error) {
      if (!isTransient(error)) throw error;
      const delay = retryDelayMs(tries);
      if (remainingMs() < delay + LEAST_TIME_FOR_A_TRY_MS) {
        throw new RetriesExhausted(error as Neo4jError, tries, Date.now() - started);
      }
      await sleep(delay);
    }
  }
}

/** Pause after try `tries`: 50, 100, 200 … 1,000 ms, each between 80 % and 120 % (clients apart, not in step). */
export function retryDelayMs(tries: number): number {
  const base = Math.min(FIRST_DELAY_MS * 2 ** Math.min(tries - 1, 10), MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * Math.random()));
}
