/** When to try again after the embedded Neo4j died: doubling waits, capped, reset once it has run a while. */
export interface RestartBackoff {
  /** Wait before the first restart attempt. */
  readonly initialMs: number;
  /** Longest wait between attempts. */
  readonly maxMs: number;
  /** A JVM that ran this long before it died counts as recovered: the next crash starts again at attempt 1. */
  readonly stableAfterMs: number;
}

/**
 * The first attempt comes 0.1 s after the exit (a killed JVM frees its port at once, and every held read waits
 * for it); a JVM that served 10 s counts as recovered, so two crashes a minute apart both restart at once, while
 * a JVM that dies during its start doubles the wait each time, up to 30 s.
 */
export const DEFAULT_RESTART_BACKOFF: RestartBackoff = { initialMs: 100, maxMs: 30_000, stableAfterMs: 10_000 };

/** The wait before restart attempt `attempt` (1-based): 0.1 s, 0.2 s, 0.4 s … up to `maxMs` (by default). */
export function restartDelayMs(attempt: number, backoff: RestartBackoff = DEFAULT_RESTART_BACKOFF): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(backoff.initialMs * 2 ** doublings, backoff.maxMs);
}
