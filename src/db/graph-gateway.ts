import neo4j, { type Driver, Neo4jError, type QueryResult, type Transaction } from 'neo4j-driver';
import {
  DatabaseUnavailableError,
  RequestTimeoutError,
  ServiceBusyError,
  WriteOutcomeUnknownError,
} from '../core/errors';
import type { CypherFile } from './cypher-files';
import type { CypherRegistry, CypherSource } from './cypher-registry';
import { DatabaseAvailability } from './database-availability';
import type { DatabaseHealth } from './database-health';
import { toDriverParams, type Params } from './driver-params';
import { toPlain, type PlainRow } from './plain-values';
import type { QueryCounter } from './query-counter';
import type { ColdTurn, RecentReads } from './recent-reads';
import { isTransient, RETRY_OUTSIDE_REQUESTS_MS, RetriesExhausted, retryTransient } from './read-retry';
import type { Expiry, RequestBudget } from './request-budget';
import type { SharedBookmarks } from './shared-bookmarks';
import type { StatementObserver, StatementStart } from './statement-observer';
import { WriteAttempt } from './write-attempt';

/**
 * A verdict on the database's availability that is not in at the deadline is waited for this much longer at
 * most (the ping was started ahead of the deadline, so only a late timer on a loaded machine needs this).
 */
const VERDICT_GRACE_MS = 100;

/**
 * Neo4j's timeout for a read whose statement the database may have to plan anew (its JVM came back and no run
 * of the statement was answered since), however little time its request has left: the request is answered at
 * its deadline all the same, while the statement goes on until it is planned and cached. Cut at the request's
 * deadline, the planning was lost: on a fresh JVM (load average 17) a statement given 100 ms failed after
 * 1.4 s and again after 1.7 s, and then took 5.7 s to plan when let finish (0.2 s once planned), so on a loaded
 * machine readers that came back to it kept planning it from scratch and none was answered for 12 s.
 */
export const COLD_PLAN_TIMEOUT_MS = 30_000;

const NOT_PLANNING = { planning: false, done: (): void => undefined };

export type { Params } from './driver-params';
import type { CompiledStatement } from './compiled-statement';
export type { CompiledStatement };

/** Runs statements inside one write transaction (the loader's all-or-nothing swap). */
export interface TransactionRunner {
  run(name: CypherFile, params?: Params): Promise<PlainRow[]>;
}

/**
 * The one executor every repository goes through: it names statements by their cypher/ file, runs each
 * read as one auto-commit statement in a READ session (tried again on transient errors while the request's
 * time allows) and writes in explicit write transactions that know whether their COMMIT was sent, closes
 * sessions in `finally`, turns driver values into plain ones, counts statements per request, keeps each
 * request within its budget (time left as the transaction timeout, a few sessions at a time), and
 * translates "database unreachable" (or not answering, or refusing the service's login) into the public
 * SERVICE_UNAVAILABLE error and "every pooled connection in use" into SERVICE_BUSY.
 */
export class GraphGateway {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly cypher: CypherRegistry,
    private readonly extras: GatewayExtras = {},
  ) {}

  /** The same gateway, counting its statements into `counter` (one per GraphQL request). */
  counting(counter: QueryCounter): GraphGateway {
    return this.with({ counter });
  }

  /** The same gateway, keeping every statement within one request's time and session budget. */
  withBudget(budget: RequestBudget): GraphGateway {
    return this.with({ budget });
  }

  /**
   * The same gateway, asking `availability` (on another pool) whether the database answers at all when a
   * statement could not get a pooled connection or ran out of time: a database that does not answer is then
   * SERVICE_UNAVAILABLE, where without it the first would be SERVICE_BUSY and the second REQUEST_TIMEOUT.
   */
  checkingAvailability(availability: DatabaseAvailability): GraphGateway {
    return this.with({ availability });
  }

  /**
   * The same gateway, its sessions sharing `bookmarks`: every read waits until the database it runs on has
   * applied every write committed through any gateway sharing them (on a cluster, a read replica lagging
   * behind a write of this instance). Against one database this costs nothing.
   */
  sharingBookmarks(bookmarks: SharedBookmarks): GraphGateway {
    return this.with({ bookmarks });
  }

  /**
   * The same gateway, counting every read statement it runs into `reads`, which the supervisor runs again in
   * the background on a restarted database so that their plans are warm when the traffic that needs them returns.
   */
  recordingReads(reads: RecentReads): GraphGateway {
    return this.with({ recentReads: reads });
  }

  /**
   * The same gateway, holding each statement of a request while `health` knows the database is coming back
   * (restarting), within the request's budget: the statement then runs the moment the database accepts
   * connections again, instead of failing to connect and waiting out a retry's pause.
   */
  holdingWhileComingBack(health: DatabaseHealth): GraphGateway {
    return this.with({ health });
  }

  /** The same gateway, telling `observer` about every statement (service-wide: logs, metrics, traces). */
  observing(observer: StatementObserver): GraphGateway {
    const observers = [...(this.extras.observers ?? []), observer];
    return this.with({ observers });
  }

  /**
   * The same gateway with `extra` added to its extras. Copied with Object.assign, not `{ ...extras, extra }`:
   * on Node 20 each property a literal adds after a spread makes a new hidden class (about 1 µs), and two
   * such copies are made per request (bench/investigations/object-spread.js).
   */
  private with(extra: GatewayExtras): GraphGateway {
    return new GraphGateway(this.driver, this.database, this.cypher, Object.assign({}, this.extras, extra));
  }

  private get counter(): QueryCounter | undefined {
    return this.extras.counter;
  }

  /**
   * Runs a read statement; `timeoutMs` asks Neo4j to abort it past that time (a query's own time budget,
   * reported as Neo4j's timeout error so the caller can explain it). When the request has less time left
   * than that, the request's budget applies instead and running out of it is REQUEST_TIMEOUT.
   */
  read(name: CypherFile, params: Params = {}, timeoutMs?: number): Promise<PlainRow[]> {
    return this.readText({ name, mode: 'READ' }, this.cypher.get(name), params, timeoutMs);
  }

  /**
   * Runs a read statement compiled at run time (the selection compiler, the filter compiler) from
   * fragments of cypher/ — never from user text: every user value arrives in `params`. Same transaction,
   * budget and counting rules as `read`.
   */
  readStatement(statement: CompiledStatement, params: Params = {}, timeoutMs?: number): Promise<PlainRow[]> {
    const start = { name: statement.origin, mode: 'READ' as const, shape: statement.shape };
    return this.readText(start, statement.text, params, timeoutMs);
  }

  /**
   * One read statement as an auto-commit transaction in a READ session. A single statement is atomic on its
   * own, and auto-commit costs one round trip (RUN and PULL together), where a managed transaction costs
   * more (BEGIN, RUN and PULL, COMMIT): measured with `node bench/investigations/read-transactions.js`, a small read takes
   * 1.45 ms auto-commit, 2.25 ms with `executeRead` and 2.05 ms with `executeQuery` (docs/operators.md
   * "Deploy"). What managed transactions add, retrying on transient errors, is done here instead
   * (`retryTransient`, the driver's own classification of transient errors), and bounded by the request's
   * time budget rather than by the driver's fixed retry time: a leader switch or a restart of the database
   * costs the reads under way a wait, not an error, while the request has time.
   */
  private readText(
    statement: StatementStart,
    text: string,
    params: Params,
    timeoutMs: number | undefined,
  ): Promise<PlainRow[]> {
    const reads = this.extras.recentReads;
    const run = reads?.record(text, params);
    const reading = this.session(
      'READ',
      timeoutMs,
      async (session, timeout) => {
        const rows = await this.rowsOf(statement, () =>
          session.run(text, toDriverParams(params), timeout === undefined ? undefined : { timeout }),
        );
        run?.answered();
        return rows;
      },
      {
        retryTransientErrors: true,
        coldTurn: reads === undefined ? undefined : (deadline) => reads.coldTurn(text, deadline),
      },
    );
    return run === undefined ? reading : reading.finally(() => run.end());
  }

  /**
   * Waits for a read shared by many requests (made on the service's own gateway, e.g. the department list)
   * as for a statement of this request's own: within its budget, answering REQUEST_TIMEOUT at its deadline,
   * or SERVICE_UNAVAILABLE when the database does not answer, while the shared read goes on for the others.
   */
  awaitShared<T>(shared: Promise<T>): Promise<T> {
    const budget = this.extras.budget;
    if (budget === undefined) return shared;
    return this.withinBudget(
      budget,
      () => shared,
      {},
      () => undefined,
    ).catch(async (error: unknown) => {
      throw this.unlessOverloaded(await this.unlessUnanswered(translate(error)));
    });
  }

  /** The files of cypher/ for compilers that compose statements from them, and the shapes they keep. */
  get statements(): CypherSource {
    return this.cypher;
  }

  /** One write statement in a write transaction of its own (see `writeTransaction`). */
  write(name: CypherFile, params: Params = {}): Promise<PlainRow[]> {
    return this.writeTransaction((tx) => tx.run(name, params));
  }

  /**
   * Several statements in one write transaction: either all take effect or none. Each try is an explicit
   * transaction (`WriteAttempt`), so the answer is true to what was written: within a request, its Neo4j
   * timeout is the time left; a try failing with a transient error before its COMMIT is made again while the
   * time allows, and none starts after the deadline; the deadline before COMMIT is REQUEST_TIMEOUT (or
   * SERVICE_UNAVAILABLE when the database does not answer), and nothing was or will be written; from COMMIT on,
   * a lost answer is WRITE_OUTCOME_UNKNOWN and the try is never made again.
   */
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    let attempt: WriteAttempt | undefined;
    return this.session(
      'WRITE',
      undefined,
      (session, timeout, expiry) => {
        attempt = new WriteAttempt();
        return attempt.run(session, timeout, expiry, (tx, checkpoint) =>
          work({
            run: async (name, params = {}) => {
              checkpoint();
              return this.runIn(tx, name, params);
            },
          }),
        );
      },
      {
        retryTransientErrors: true,
        atDeadline: () =>
          attempt?.committing === true
            ? new WriteOutcomeUnknownError('the database did not answer the commit within the time budget')
            : undefined,
      },
    );
  }

  /**
   * One command of a cypher/schema/ file, run auto-commit (schema changes cannot share a transaction with
   * data). Takes the command text because schema files are split into commands by the caller.
   */
  async autoCommitText(command: string): Promise<void> {
    await this.session('WRITE', undefined, (session) =>
      this.rowsOf({ name: 'schema command', mode: 'WRITE' }, () => session.run(command)),
    );
  }

  /** Resolves when the database answers a trivial query within `timeoutMs`; never retried, it must tell. */
  async ping(timeoutMs: number): Promise<void> {
    await this.session('READ', timeoutMs, (session, timeout) =>
      this.rowsOf({ name: 'service/ping', mode: 'READ' }, () =>
        session.run(this.cypher.get('service/ping'), {}, timeout === undefined ? undefined : { timeout }),
      ),
    );
  }

  private runIn(tx: Transaction, name: CypherFile, params: Params): Promise<PlainRow[]> {
    const text = this.cypher.get(name);
    return this.rowsOf({ name, mode: 'WRITE' }, () => tx.run(text, toDriverParams(params)));
  }

  /**
   * Runs one statement, counts it and its time for the request, tells the observers, and returns its rows as
   * plain values.
   */
  private async rowsOf(statement: StatementStart, run: () => Promise<QueryResult>): Promise<PlainRow[]> {
    const start: StatementStart = { ...statement, database: this.database };
    const ended = (this.extras.observers ?? []).map((observer) => observer.started(start));
    const started = performance.now();
    try {
      const result = await withoutStackCapture(run);
      const durationMs = performance.now() - started;
      this.counter?.record(durationMs);
      this.extras.availability?.noteAnswered();
      for (const end of ended) end({ durationMs });
      return result.records.map((record) => rowOf(record.keys, (key) => record.get(key)));
    } catch (error) {
      for (const end of ended) end({ durationMs: performance.now() - started, error });
      throw error;
    }
  }

  /**
   * Opens a session for `work` and closes it in `finally`. Within a request budget the session counts
   * against the request's permits and `work` gets the smaller of `ownTimeoutMs` and the time left, and the
   * request's `Expiry`. With `retryTransientErrors`, a try failing with a transient error is made again in a
   * new session while the time left allows (the request's budget; outside requests RETRY_OUTSIDE_REQUESTS_MS,
   * or `ownTimeoutMs` if shorter), and no try starts after the deadline.
   *
   * A request still waiting for the database shortly before its deadline asks the availability check then
   * (`DatabaseAvailability.leadMs`), so at the deadline it is known whether the database answers at all.
   */
  private session<T>(
    mode: 'READ' | 'WRITE',
    ownTimeoutMs: number | undefined,
    work: (session: Session, timeoutMs: number | undefined, expiry: Expiry | undefined) => Promise<T>,
    options: SessionOptions = {},
  ): Promise<T> {
    const budget = this.extras.budget;
    let expiry: Expiry | undefined;
    const once = async (): Promise<T> => {
      if (budget === undefined) return this.openSession(mode, (session) => work(session, ownTimeoutMs, undefined));
      const comingBack = this.extras.health?.untilServing();
      if (comingBack !== undefined) {
        // Held for an outage: at the deadline that is what the request is told (see `afterOutage`).
        budget.noteOutage();
        await within(comingBack, budget.remainingMs());
      }
      // Asked at each try: a read held through an outage finds the database's plans lost only once it runs.
      const turn = await this.coldTurn(options, budget);
      if (expiry?.passed === true) {
        turn.done();
        throw budget.timeoutError();
      }
      const leftMs = Math.max(1, Math.floor(budget.remainingMs()));
      const remainingMs = turn.planning ? Math.max(leftMs, COLD_PLAN_TIMEOUT_MS) : leftMs;
      const budgetDecides = ownTimeoutMs === undefined || remainingMs < ownTimeoutMs;
      return this.openSession(mode, (session) =>
        work(session, budgetDecides ? remainingMs : ownTimeoutMs, expiry).catch((error: unknown) => {
          if (isTransient(error)) budget.noteOutage();
          throw budgetDecides && isTimeout(error) ? budget.timeoutError() : error;
        }),
      ).finally(turn.done);
    };
    // Outside requests a read's own timeout bounds its retries too (the data version's poll would rather try
    // again at its next turn than hold a failure back).
    const outsideRequestsUntil =
      Date.now() + Math.min(ownTimeoutMs ?? RETRY_OUTSIDE_REQUESTS_MS, RETRY_OUTSIDE_REQUESTS_MS);
    const remainingMs = budget === undefined ? () => outsideRequestsUntil - Date.now() : () => budget.remainingMs();
    const tries = options.retryTransientErrors === true ? () => retryTransient(once, remainingMs) : once;
    const running = budget === undefined ? tries() : this.withinBudget(budget, tries, options, (e) => (expiry = e));
    return running.catch(async (error: unknown) => {
      throw this.unlessOverloaded(
        await this.unlessUnanswered(afterOutage(translate(error), budget?.metOutage === true)),
      );
    });
  }

  /**
   * Whether this try plans its statement anew (then `done` is called when it has ended): a read whose statement
   * another run is planning on a database that lost its plans waits for that run within the request's time,
   * then asks again.
   */
  private async coldTurn(
    options: SessionOptions,
    budget: RequestBudget,
  ): Promise<{ readonly planning: boolean; readonly done: () => void }> {
    // The request's deadline orders the runs waiting for a planner's turn (the earliest goes first).
    const ask = (): ColdTurn | undefined => options.coldTurn?.(Date.now() + budget.remainingMs());
    for (let turn = ask(); turn !== undefined; turn = ask()) {
      if (turn.kind === 'warm') break;
      if (turn.kind === 'plan') return { planning: true, done: turn.done };
      if (budget.remainingMs() <= 0) break;
      await within(turn.planned, budget.remainingMs());
    }
    return NOT_PLANNING;
  }

  /** Runs `tries` within the request's budget: its permits, its deadline, and the availability check ahead of it. */
  private withinBudget<T>(
    budget: RequestBudget,
    tries: () => Promise<T>,
    options: SessionOptions,
    expiring: (expiry: Expiry) => void,
  ): Promise<T> {
    const availability = this.extras.availability;
    return budget.withSession(
      (_left, expiry) => {
        expiring(expiry);
        return tries();
      },
      {
        atDeadline: () => options.atDeadline?.() ?? budget.timeoutError(),
        ahead:
          availability === undefined
            ? undefined
            : {
                leadMs: DatabaseAvailability.leadMs(budget.limits.timeoutMs),
                run: () => availability.askAhead(budget.limits.timeoutMs),
              },
      },
    );
  }

  /**
   * A pool that gave no connection in time, or a request whose time ran out, while the database answers
   * nobody (asked on another pool) is the database's outage, not a busy service or a slow query. The verdict
   * is taken by the request's deadline (the ping started ahead of it), so the answer is not late for it.
   */
  private async unlessUnanswered(error: unknown): Promise<unknown> {
    const availability = this.extras.availability;
    if (availability === undefined) return error;
    if (!(error instanceof ServiceBusyError || error instanceof RequestTimeoutError)) return error;
    const budget = this.extras.budget;
    const answering =
      budget === undefined
        ? availability.answering()
        : availability.answeringBy(
            Date.now() + Math.max(0, budget.remainingMs()) + VERDICT_GRACE_MS,
            DatabaseAvailability.leadMs(budget.limits.timeoutMs) + VERDICT_GRACE_MS,
          );
    return (await answering) ? error : new DatabaseUnavailableError('the database does not answer');
  }

  /**
   * A request whose time ran out on a database that answers, while the service worked on others beside it all
   * along, is told SERVICE_BUSY rather than REQUEST_TIMEOUT (`RequestBudget.overloadError`).
   */
  private unlessOverloaded(error: unknown): unknown {
    if (!(error instanceof RequestTimeoutError)) return error;
    return this.extras.budget?.overloadError() ?? error;
  }

  private async openSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const bookmarks = this.extras.bookmarks;
    const session = this.driver.session(
      mode === 'READ'
        ? { database: this.database, defaultAccessMode: neo4j.session.READ, bookmarks: bookmarks?.forRead() }
        : { database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: bookmarks?.manager },
    );
    try {
      return await work(session);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

/**
 * Starts a statement (`run` creates the driver's Result synchronously) without the stack trace the driver
 * captures for every Result it creates: it formats one (neo4j-driver-core's `captureStacktrace`) to put on
 * the error the statement might fail with, which cost about 20 µs of CPU per statement here (timed against
 * the same sessions without), on every statement, failing or not. A failing statement's error then carries
 * only its own message, and what failed is known by the statement's name, which its log line and metrics
 * carry; the stack would only have named the driver's internals and this gateway.
 */
function withoutStackCapture<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Waits for `promise`, `ms` at most (the request's deadline answers it then), leaving no timer behind. */
async function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))));
  await Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function rowOf(keys: readonly PropertyKey[], get: (key: string) => unknown): PlainRow {
  const row: Record<string, ReturnType<typeof toPlain>> = {};
  for (const key of keys) row[String(key)] = toPlain(get(String(key)));
  return row;
}

type Session = ReturnType<Driver['session']>;

/** How `session` runs its work besides the mode and timeout. */
interface SessionOptions {
  /** Make a try failing with a transient error again while the time allows (reads; writes before COMMIT). */
  readonly retryTransientErrors?: boolean;
  /**
   * How a read's statement starts on a database that may have lost its plan (`RecentReads.coldTurn`): the run
   * that plans it has Neo4j timeout COLD_PLAN_TIMEOUT_MS at least (its request is still answered at its
   * deadline); the others wait for it, and for a planner's turn in the order of their deadlines (epoch ms).
   */
  readonly coldTurn?: ((deadline: number) => ColdTurn) | undefined;
  /** The error to answer at the request's deadline instead of REQUEST_TIMEOUT (undefined: REQUEST_TIMEOUT). */
  readonly atDeadline?: () => Error | undefined;
}

/**
 * What a gateway may carry besides its driver: its request's counter and budget, an availability check, and
 * the service's statement observers.
 */
interface GatewayExtras {
  readonly counter?: QueryCounter;
  readonly observers?: readonly StatementObserver[];
  readonly budget?: RequestBudget;
  readonly availability?: DatabaseAvailability;
  readonly bookmarks?: SharedBookmarks;
  readonly recentReads?: RecentReads;
  readonly health?: DatabaseHealth;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Neo4j refusing the service's login: a wrong password, or a user locked after failed logins (Neo4j locks
 * one for dbms.security.auth_lock_time, 5 s, after dbms.security.auth_max_failed_attempts, 3). Nothing the
 * client did; the service cannot work until the login succeeds again.
 */
const REFUSED_LOGIN: Readonly<Record<string, string>> = {
  'Neo.ClientError.Security.Unauthorized': "the database refused the service's credentials",
  'Neo.ClientError.Security.AuthenticationRateLimit':
    "the database refused the service's credentials: its user is locked after too many failed logins",
  'Neo.ClientError.Security.CredentialsExpired': "the database refused the service's credentials: they expired",
};

/** Neo4j aborted a statement that ran past its time budget (the `timeoutMs` of `read`). */
export function isTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut|Transaction\.Terminated/.test(error.code);
}

/**
 * A request that ran out of time (its own, or a statement's budget) after one of its statements was held for an
 * outage or failed to reach the database lost its time to the outage, whichever statement the deadline met: while Neo4j restarts, the first
 * tries find no server, and a later statement finds it still planning anew when the time runs out. SERVICE_UNAVAILABLE
 * ("try again shortly") is then the right advice, where REQUEST_TIMEOUT tells the client to ask for less and
 * SERVICE_BUSY blames the load; it is decided here because by the time the availability ping asks, the database
 * may answer again.
 */
export function afterOutage(error: unknown, metOutage: boolean): unknown {
  // A statement's own time budget (a path search's 5 s) counts the same: in the kill drill a path search held
  // through the restart ran out of its 5 s planning anew, and was told to ask for fewer hops (BAD_USER_INPUT).
  return metOutage && (error instanceof RequestTimeoutError || isTimeout(error))
    ? new DatabaseUnavailableError('it could not be reached, then did not answer within the time left')
    : error;
}

/**
 * Connection-level failures and refused logins become SERVICE_UNAVAILABLE, and so does a read that kept
 * failing with transient errors until its time was up (saying how often it was tried); a pool with every
 * connection in use (the driver gave up waiting for one) becomes SERVICE_BUSY, since the database itself
 * answered (a gateway checking availability makes it SERVICE_UNAVAILABLE when it does not); everything else
 * passes through unchanged.
 */
export function translate(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || error instanceof ServiceBusyError) return error;
  if (error instanceof RetriesExhausted) {
    const cause = error.last.code === 'ServiceUnavailable' ? 'cannot connect' : error.last.code;
    return new DatabaseUnavailableError(`${cause}; ${error.describe()}`);
  }
  if (error instanceof Neo4jError) {
    const refused = REFUSED_LOGIN[error.code];
    if (refused !== undefined) return new DatabaseUnavailableError(refused);
    if (/acquisition timed out/i.test(error.message)) return new ServiceBusyError();
    if (UNAVAILABLE_CODES.has(error.code) || /ECONNREFUSED|connection (was )?closed/i.test(error.message)) {
      return new DatabaseUnavailableError(error.code === 'ServiceUnavailable' ? 'cannot connect' : error.code);
    }
  }
  return error;
}
