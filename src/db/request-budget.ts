import { setMaxListeners } from 'node:events';
import { RequestTimeoutError } from '../errors';
import { Semaphore } from './semaphore';

export interface RequestBudgetLimits {
  /** Total time one request may take, from its arrival (REQUEST_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Database sessions one request may hold at once (REQUEST_MAX_SESSIONS). */
  readonly maxSessions: number;
}

/**
 * What one request may spend on the database: time until its deadline, and a few sessions at a time. Every
 * statement of the request goes through `withSession`, so a request of 500 aliases queues behind its own
 * permits instead of taking the whole connection pool, and each transaction is told (as its Neo4j timeout)
 * only the time the request has left.
 */
export class RequestBudget {
  private readonly deadline: number;
  private readonly sessions: Semaphore;
  private expiry: AbortController | undefined;

  constructor(
    readonly limits: RequestBudgetLimits,
    startedAt: number = Date.now(),
  ) {
    this.deadline = startedAt + limits.timeoutMs;
    this.sessions = new Semaphore(limits.maxSessions);
  }

  /** Milliseconds left before the deadline (negative once it has passed). */
  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Sessions of this request open right now. */
  get sessionsInUse(): number {
    return this.sessions.inUse;
  }

  timeoutError(): RequestTimeoutError {
    return new RequestTimeoutError(this.limits.timeoutMs);
  }

  /**
   * Runs `work` holding one of the request's session permits, passing it the time left (whole ms, ≥ 1).
   * Rejects with REQUEST_TIMEOUT as soon as the deadline passes, whether the work waits for a permit, for a
   * pooled connection, or for Neo4j; the permit is returned only when the work has really finished.
   *
   * A free permit is taken at once; only a statement queued behind its request's other sessions waits on
   * the deadline's signal. The deadline of the work itself is a timer cleared when the work ends, so no
   * request leaves a timer behind to fire (and build an error nobody reads) long after it was answered.
   */
  async withSession<T>(work: (remainingMs: number) => Promise<T>): Promise<T> {
    const release = this.sessions.tryAcquire() ?? (await this.sessions.acquire(this.expirySignal()));
    const left = Math.floor(this.remainingMs());
    if (left < 1) {
      release();
      throw this.timeoutError();
    }
    const running = work(left).finally(release);
    return new Promise<T>((resolve, reject) => {
      const deadline = setTimeout(() => reject(this.timeoutError()), left);
      running.then(resolve, reject).finally(() => clearTimeout(deadline));
    });
  }

  /** Aborts at the deadline. Made on first use; its timer does not keep the process alive. */
  private expirySignal(): AbortSignal {
    if (this.expiry === undefined) {
      const controller = new AbortController();
      // Every statement of the request waits on this one signal; a request of many aliases is not a leak.
      setMaxListeners(0, controller.signal);
      const left = this.remainingMs();
      if (left <= 0) controller.abort(this.timeoutError());
      else setTimeout(() => controller.abort(this.timeoutError()), left).unref();
      this.expiry = controller;
    }
    return this.expiry.signal;
  }
}
