import { DEFAULT_RESTART_BACKOFF, restartDelayMs } from '../../../src/db/restart-backoff';
import { STANDBY_RETRY_BACKOFF } from '../../../src/db/standby-keeper';

describe('the embedded Neo4j restart backoff', () => {
  it('waits 0.1 s before the first attempt and doubles after each failed one', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => restartDelayMs(attempt))).toEqual([100, 200, 400, 800, 1600, 3200]);
  });

  it('counts a JVM that served 10 s as recovered, so a crash a minute after the last one restarts at once', () => {
    expect(DEFAULT_RESTART_BACKOFF.stableAfterMs).toBe(10_000);
  });

  it('never waits longer than 30 s, however many attempts failed', () => {
    expect(DEFAULT_RESTART_BACKOFF.maxMs).toBe(30_000);
    expect(restartDelayMs(9)).toBe(25_600);
    expect(restartDelayMs(10)).toBe(30_000);
    expect(restartDelayMs(1_000)).toBe(30_000);
  });

  it('follows a given policy', () => {
    expect([1, 2, 3].map((a) => restartDelayMs(a, { initialMs: 100, maxMs: 250, stableAfterMs: 1 }))).toEqual([
      100, 200, 250,
    ]);
  });
});

describe("the embedded Neo4j standby's retry", () => {
  it('waits 30 s after a standby failed, doubling with each failure in a row, never more than 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((failures) => restartDelayMs(failures, STANDBY_RETRY_BACKOFF))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
  });
});
