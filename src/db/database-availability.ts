import { succeedsWithin } from '../core/succeeds-within';

/** How long the database may take to answer the availability ping before it counts as not answering. */
export const ANSWER_TIMEOUT_MS = 1_000;
/**
 * How long one ping stands: a burst of failing requests asks the database once, not once each. Short, because
 * a database that answered a ping a second ago may have frozen since: an old "it answers" would turn a frozen
 * database's requests into SERVICE_BUSY or REQUEST_TIMEOUT.
 */
const ANSWER_FRESH_MS = 250;
/**
 * How long the ping a request starts ahead of its deadline may take: the request waits for its deadline
 * anyway, so the verdict is no later for it, and a database whose cores the requests' statements keep busy gets
 * time to answer. With ANSWER_TIMEOUT_MS there, at MEMORY_LIMIT_MB=384 under 16 clients of wide operations on
 * two cores, 281 requests were told SERVICE_UNAVAILABLE ("the database does not answer") by a database that
 * answered 4,000 others in the same minutes: neither the ping nor any statement was answered within that second.
 */
const AHEAD_ANSWER_TIMEOUT_MS = 3_000;
/** What the verdict may take past the ping's end: the answer written before the deadline. */
const VERDICT_MARGIN_MS = 200;

/**
 * Tells a database that does not answer (frozen, stopped, down) from one that answers but whose request pool
 * is taken: when a request could not get a pooled connection in time, or ran out of time waiting for the
 * database, the gateway asks this whether the database answers a trivial query on another pool (the
 * readiness pool, which request traffic cannot exhaust). One ping serves every caller for a moment.
 *
 * A request's answer must not wait for the ping after its deadline: the gateway starts the ping ahead of the
 * deadline (`leadMs` before it, while the request still waits for the database) and takes the verdict by the
 * deadline (`answeringBy`), so a frozen database is answered within the request's budget.
 */
export class DatabaseAvailability {
  private last: { readonly at: number; readonly answering: Promise<boolean> } | undefined;
  /** When one of the requests' statements was last answered (epoch ms). */
  private lastAnsweredAt = Number.NEGATIVE_INFINITY;

  /** `ping` runs a trivial query on a pool of its own (e.g. the readiness gateway's `ping`). */
  constructor(private readonly ping: (timeoutMs: number) => Promise<void>) {}

  /** A statement of the requests was answered just now (the gateway's, each time). */
  noteAnswered(): void {
    this.lastAnsweredAt = Date.now();
  }

  /**
   * Resolves true when the database answered a ping within `timeoutMs`, or answered any of the requests'
   * statements while the ping waited: the ping started now, or the one started less than `maxAgeMs` ago. A
   * database whose cores the requests' own statements keep busy may take longer than that for a trivial query
   * and still serve: under 16 clients of wide operations on two cores, 385 requests were told
   * SERVICE_UNAVAILABLE by a database that answered others all along (docs/benchmarks.md, "Memory"). A frozen
   * or stopped one answers nothing after the ping started.
   */
  answering(maxAgeMs: number = ANSWER_FRESH_MS, timeoutMs: number = ANSWER_TIMEOUT_MS): Promise<boolean> {
    const now = Date.now();
    if (this.last !== undefined && now - this.last.at < maxAgeMs) return this.last.answering;
    const answering = succeedsWithin(this.ping(timeoutMs), timeoutMs).then((answered) => {
      if (answered) this.noteAnswered();
      return answered || this.lastAnsweredAt >= now;
    });
    this.last = { at: now, answering };
    return answering;
  }

  /**
   * The verdict for a request that ran out of time or found no pooled connection: `answering`, reusing the
   * ping started ahead of its deadline (up to `maxAgeMs` ago; a new one would ask a database that may just
   * have come back about a wait it did not answer), and false at `deadline` (epoch ms) at the latest.
   */
  answeringBy(deadline: number, maxAgeMs: number): Promise<boolean> {
    // The ping at hand may be another request's, started after this one's and still waiting at this deadline:
    // anything the database answered since this request's own ahead ping would have started counts too.
    const since = deadline - maxAgeMs;
    return succeedsWithin(
      this.answering(maxAgeMs).then((answers) => {
        if (!answers) throw new Error('the database does not answer');
      }),
      Math.max(0, deadline - Date.now()),
    ).then((answers) => answers || this.lastAnsweredAt >= since);
  }

  /**
   * Starts the ping a request still waiting for the database asks ahead of its deadline (`leadMs` before it),
   * with the whole lead but a margin to answer.
   */
  askAhead(budgetMs: number): void {
    void this.answering(ANSWER_FRESH_MS, Math.max(1, DatabaseAvailability.leadMs(budgetMs) - VERDICT_MARGIN_MS));
  }

  /**
   * How long before a request's deadline to start asking (when the request still waits for the database then),
   * so the verdict is known at the deadline: the ahead ping's time and a margin, or half the budget when the
   * budget is short.
   */
  static leadMs(budgetMs: number): number {
    return Math.min(AHEAD_ANSWER_TIMEOUT_MS + VERDICT_MARGIN_MS, Math.floor(budgetMs / 2));
  }
}
