/** How long the database may take to answer the availability ping before it counts as not answering. */
const ANSWER_TIMEOUT_MS = 1_000;
/** How long one answer stands: a burst of failing requests asks the database once, not once each. */
const ANSWER_FRESH_MS = 1_000;

/**
 * Tells a database that does not answer (frozen, stopped, down) from one that answers but whose request pool
 * is taken: when a request could not get a pooled connection in time, or ran out of time waiting for the
 * database, the gateway asks this whether the database answers a trivial query on another pool (the
 * readiness pool, which request traffic cannot exhaust). One ping serves every caller for a second.
 */
export class DatabaseAvailability {
  private last: { readonly at: number; readonly answering: Promise<boolean> } | undefined;

  /** `ping` runs a trivial query on a pool of its own (e.g. the readiness gateway's `ping`). */
  constructor(private readonly ping: (timeoutMs: number) => Promise<void>) {}

  /** Resolves true when the database answered within a second (now, or less than a second ago). */
  answering(): Promise<boolean> {
    const now = Date.now();
    if (this.last !== undefined && now - this.last.at < ANSWER_FRESH_MS) return this.last.answering;
    const answering = answersWithin(this.ping(ANSWER_TIMEOUT_MS), ANSWER_TIMEOUT_MS);
    this.last = { at: now, answering };
    return answering;
  }
}

/**
 * A frozen database never answers, and Neo4j's own timeout (enforced by the server) cannot fire there: the
 * wait is bounded here, on this side.
 */
function answersWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const answered = work.then(
    () => true,
    () => false,
  );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}
