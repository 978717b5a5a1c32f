import { setMaxListeners } from 'node:events';
import { RequestTimeoutError, ServiceBusyError } from '../core/errors';
import { Semaphore } from './semaphore';

export interface RequestBudgetLimits {
  /** Total time one request may take, from its arrival (REQUEST_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Database sessions one request may hold at once (REQUEST_MAX_SESSIONS). */
  readonly maxSessions: number;
}

/** What `withSession` does at and before the deadline, besides answering REQUEST_TIMEOUT. */
export interface SessionOptions {
  /** The error the work is rejected with at the deadline (REQUEST_TIMEOUT unless this says otherwise). */
  readonly atDeadline?: () => Error;
  /** Something to start `leadMs` before the deadline while the work still runs. */
  readonly ahead?: { readonly leadMs: number; readonly run: () => void };
}

/** How many other requests the service worked on beside this one, on average, since it arrived. */
export type OthersAlongside = () => number;

/**
 * A request that ran out of time with at least this many other requests beside it on average, all along, was
 * stopped by the load: its time went to sharing the service and the database, not to what it asked.
 */
const OTHERS_WHEN_OVERLOADED = 1;

/** Whether the deadline of one `withSession` call has passed (set in the same turn as its rejection). */
export interface Expiry {
  readonly passed: boolean;
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
  private heldByOutage = false;

  constructor(
    readonly limits: RequestBudgetLimits,
    startedAt: number = Date.now(),
    private readonly othersAlongside?: OthersAlongside,
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

  /**
   * Whether one of the request's statements was held for an outage or failed to reach the database. It is the
   * request's fact, not the statement's: a request whose first statement was held while Neo4j restarted may run
   * out of time on a later one that reached the database (planned anew) and still lost its time to the outage.
   */
  get metOutage(): boolean {
    return this.heldByOutage;
  }

  /** One of the request's statements was held for an outage, or failed to reach the database. */
  noteOutage(): void {
    this.heldByOutage = true;
  }

  timeoutError(): RequestTimeoutError {
    return new RequestTimeoutError(this.limits.timeoutMs);
  }

  /**
   * What a request that ran out of time is told when the load stopped it, or undefined (REQUEST_TIMEOUT stands):
   * SERVICE_BUSY, retryable, when the service worked on at least one other request beside it on average all
   * along. REQUEST_TIMEOUT tells a client to ask for less, which is wrong advice for a question that fits its
   * budget alone but shared two cores with fifteen others: under 16 clients of wide operations at
   * MEMORY_LIMIT_MB=384, 2,480 requests were told so (docs/benchmarks.md, "Memory").
   */
  overloadError(): ServiceBusyError | undefined {
    const others = this.othersAlongside?.();
    if (others === undefined || others < OTHERS_WHEN_OVERLOADED) return undefined;
    return new ServiceBusyError(
      `The service is overloaded: it worked on ${others.toFixed(1)} other requests on average beside this one, ` +
        `which did not end within its time budget of ${this.limits.timeoutMs} ms (REQUEST_TIMEOUT_MS); retry in a moment.`,
    );
  }

  /**
   * Runs `work` holding one of the request's session permits, passing it the time left (whole ms, ≥ 1) and an
   * `Expiry` that turns `passed` at the deadline. Rejects as soon as the deadline passes, whether the work waits for a
   * permit, for a pooled connection, or for Neo4j: with REQUEST_TIMEOUT, or with what `options.atDeadline` says
   * then (a write whose COMMIT was sent cannot claim that nothing was written). The permit is returned only when
   * the work has really finished.
   *
   * `passed` turns true in the same turn as the rejection, so work that checks it before each step (a write
   * before its COMMIT) never takes a step after the request was answered.
   *
   * `options.ahead.run` is called `leadMs` before the deadline if the work still runs then (the gateway asks
   * there whether the database answers at all, so the answer at the deadline can say so without waiting).
   *
   * A free permit is taken at once; only a statement queued behind its request's other sessions waits on
   * the deadline's signal. The deadline of the work itself is a timer cleared when the work ends, so no
   * request leaves a timer behind to fire (and build an error nobody reads) long after it was answered.
   */
  async withSession<T>(
    work: (remainingMs: number, expiry: Expiry) => Promise<T>,
    options: SessionOptions = {},
  ): Promise<T> {
    const release = this.sessions.tryAcquire() ?? (await this.sessions.acquire(this.expirySignal()));
    const left = Math.floor(this.remainingMs());
    if (left < 1) {
      release();
      throw this.timeoutError();
    }
    // A plain flag rather than an AbortSignal: it is made for every statement, and only writes read it.
    const expiry = { passed: false };
    const running = work(left, expiry).finally(release);
    const atDeadline = options.atDeadline ?? (() => this.timeoutError());
    return new Promise<T>((resolve, reject) => {
      const expire = (): void => {
        expiry.passed = true;
        reject(atDeadline());
      };
      const ahead = options.ahead;
      const leadMs = ahead === undefined ? 0 : Math.min(ahead.leadMs, left);
      // One timer at a time: the one before the deadline (when asked for), then the deadline's own.
      let timer =
        ahead === undefined || leadMs < 1
          ? setTimeout(expire, left)
          : setTimeout(() => {
              ahead.run();
              timer = setTimeout(expire, Math.max(0, this.remainingMs()));
            }, left - leadMs);
      running.then(resolve, reject).finally(() => clearTimeout(timer));
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
