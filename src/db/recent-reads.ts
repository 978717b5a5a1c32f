import { availableParallelism } from 'node:os';
import { closedGate, type Gate } from './gate';
import type { Params } from './driver-params';

/** A read statement as the service ran it: its text and the parameters of one run (to run it again). */
export interface RecordedRead {
  readonly text: string;
  readonly params: Params;
}

export interface RecentReadsLimits {
  /** Distinct statements kept; past that, the least used is forgotten for a new one. */
  readonly maxStatements: number;
  /** A run whose parameters are longer than this (as JSON) is counted but its parameters are not kept. */
  readonly maxParamsChars: number;
  /** Uses are counted per window of this length; the current and the previous window count. */
  readonly windowMs: number;
  /**
   * Statements planned at once on a database that lost its plans; past that, a run waits for a turn, the run
   * whose request ends first going first.
   */
  readonly coldPlanners: number;
}

/**
 * About one hour of uses, 200 statements (a few hundred KB of text at most). As many statements planned at once
 * as the machine has cores: on a JVM just started, eight reads held through an outage each planning their own
 * statements shared two cores, so every one of them finished late and all ran out of time together (first 200
 * 11.1 s after the kill, 8 reads failed, on an idle machine); one after the other, the read whose time ends first
 * is answered first.
 */
export const RECENT_READS_LIMITS: RecentReadsLimits = {
  maxStatements: 200,
  maxParamsChars: 16_384,
  windowMs: 3_600_000,
  coldPlanners: Math.max(1, availableParallelism()),
};

interface Entry {
  readonly params: Params;
  /** Uses in the current window and in the one before. */
  current: number;
  previous: number;
  lastUsedAt: number;
  /** When a run of it last had its rows (so the database then had it planned), 0 before any. */
  lastAnsweredAt: number;
  /** Runs started and not yet ended: while the database is away, the reads held for it. */
  running: number;
  /** While one run plans it on a database that lost its plans: opens when that run has ended. */
  planning: Gate | undefined;
}

/**
 * How a run of a statement starts on a database that may have lost its plan: `warm` (it has it), `plan` (this
 * run plans it, and calls `done` when its statement has ended), or `wait` for the run planning it now.
 */
export type ColdTurn =
  | { readonly kind: 'warm' }
  | { readonly kind: 'plan'; readonly done: () => void }
  | { readonly kind: 'wait'; readonly planned: Promise<void> };

const WARM: ColdTurn = { kind: 'warm' };

/** One run of a recorded statement, to end when it has its answer or its error. */
export interface RecordedRun {
  /** The database answered it with its rows (it had, or made, the statement's plan). */
  answered(): void;
  end(): void;
}

/**
 * The read statements the service ran lately, counted: after the embedded database restarts and serves again,
 * the statements no request has run since are planned again in the background (the most used first), once the
 * reads held through the outage have been answered (`whenRunsUnderWayEnd`), so that planning them never takes
 * the cores those reads need. A restarted Neo4j has lost every plan, and planning one of the service's larger
 * statements took 0.2–0.4 s on a warm JVM and up to 2 s on a fresh one (more on a loaded machine).
 *
 * Recording is on the request path, so it is a map lookup, counters and the run's small `end`; the parameters
 * of a statement are kept from its first run (any run plans the same statement text).
 */
export class RecentReads {
  private readonly entries = new Map<string, Entry>();
  private windowStartedAt: number;
  /** Runs under way, each with the waiters of `whenRunsUnderWayEnd` it still holds back. */
  private readonly underWay = new Set<RunUnderWay>();
  /** When the database last lost its plans (its JVM went away), epoch ms; undefined while it never did. */
  private lostAt: number | undefined;
  /** Runs planning a statement on a database that lost its plans, now. */
  private coldPlanning = 0;
  /** Runs waiting for a planner's turn (`coldPlanners` are planning), each with its request's deadline. */
  private waitingForPlanner: { readonly deadline: number; readonly turn: Gate }[] = [];

  constructor(
    private readonly limits: RecentReadsLimits = RECENT_READS_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStartedAt = now();
  }

  /** Counts one run of a read statement, running until the run's `end()`. */
  record(text: string, params: Params): RecordedRun {
    const now = this.now();
    if (now - this.windowStartedAt >= this.limits.windowMs) this.startWindow(now);
    let entry = this.entries.get(text);
    if (entry === undefined) {
      if (this.entries.size >= this.limits.maxStatements) this.forgetLeastUsed();
      entry = {
        params: this.keepable(params),
        current: 0,
        previous: 0,
        lastUsedAt: now,
        lastAnsweredAt: 0,
        running: 0,
        planning: undefined,
      };
      this.entries.set(text, entry);
    }
    entry.current += 1;
    entry.lastUsedAt = now;
    entry.running += 1;
    return this.runOf(entry);
  }

  /** The database lost every plan at `at` (epoch ms): its JVM went away. */
  plansLost(at: number): void {
    this.lostAt = at;
  }

  /**
   * Whether the database may have to plan `text` anew: it lost its plans and no run of `text` has been answered
   * since. Such a run is let finish its planning past its request's deadline (graph-gateway.ts).
   */
  isCold(text: string): boolean {
    return this.lostAt !== undefined && !this.ranSince(text, this.lostAt);
  }

  /**
   * A run of `text`, for a request whose time ends at `deadline` (epoch ms), is about to start: on a database
   * that lost its plans, the first such run plans the statement and the others wait for it (within their time)
   * rather than plan it again beside it on the same cores; once it has ended they ask again (it may have failed,
   * and the next one plans). At most `coldPlanners` runs plan at once; the others wait for a turn, and when one
   * ends every waiter asks again, the earliest deadline first, so the reads held longest are answered first
   * instead of all late together. A statement that is not recorded (forgotten meanwhile) is planned by its run.
   */
  coldTurn(text: string, deadline = Infinity): ColdTurn {
    if (!this.isCold(text)) return WARM;
    const entry = this.entries.get(text);
    if (entry === undefined) return { kind: 'plan', done: () => undefined };
    if (entry.planning !== undefined) return { kind: 'wait', planned: entry.planning.promise };
    if (this.coldPlanning >= this.limits.coldPlanners) return { kind: 'wait', planned: this.plannerTurn(deadline) };
    const planning = closedGate();
    entry.planning = planning;
    this.coldPlanning += 1;
    let ended = false;
    return {
      kind: 'plan',
      done: () => {
        if (entry.planning === planning) entry.planning = undefined;
        planning.open();
        if (ended) return;
        ended = true;
        this.coldPlanning -= 1;
        this.nextPlanners();
      },
    };
  }

  /** Resolves when a planner's turn may be free: a run planning on a database that lost its plans has ended. */
  private plannerTurn(deadline: number): Promise<void> {
    const turn = closedGate();
    const at = this.waitingForPlanner.findIndex((waiter) => waiter.deadline > deadline);
    this.waitingForPlanner.splice(at < 0 ? this.waitingForPlanner.length : at, 0, { deadline, turn });
    return turn.promise;
  }

  /** Every waiter asks again, in the order of their deadlines: the first ones take the free turns. */
  private nextPlanners(): void {
    const waiting = this.waitingForPlanner;
    this.waitingForPlanner = [];
    for (const waiter of waiting) waiter.turn.open();
  }

  /**
   * The recorded statements to plan again on a database that lost its plans at `lostAt` (epoch ms): those no
   * run was answered since (a run answered since had it planned), the most used first, then the most recent.
   */
  toReplan(lostAt: number): RecordedRead[] {
    return [...this.entries]
      .filter(([, entry]) => entry.lastAnsweredAt < lostAt)
      .sort(([, a], [, b]) => uses(b) - uses(a) || b.lastUsedAt - a.lastUsedAt)
      .map(([text, entry]) => ({ text, params: entry.params }));
  }

  /** Whether a run of `text` was answered after `at` (epoch ms): on a database restarted since, it is planned there. */
  ranSince(text: string, at: number): boolean {
    const entry = this.entries.get(text);
    return entry !== undefined && entry.lastAnsweredAt >= at;
  }

  /**
   * Resolves once every run under way now has ended (at once when none is): on a database that came back,
   * the reads held through its outage. Runs started later do not hold it back.
   */
  whenRunsUnderWayEnd(): Promise<void> {
    if (this.underWay.size === 0) return Promise.resolve();
    const waiter = { left: this.underWay.size, done: closedGate() };
    for (const run of this.underWay) run.waiters.push(waiter);
    return waiter.done.promise;
  }

  /** How many distinct statements are recorded. */
  get size(): number {
    return this.entries.size;
  }

  /** A new window: the current counts become the previous ones, and statements unused in both are forgotten. */
  private startWindow(now: number): void {
    const windows = Math.floor((now - this.windowStartedAt) / this.limits.windowMs);
    this.windowStartedAt += windows * this.limits.windowMs;
    for (const [text, entry] of this.entries) {
      entry.previous = windows === 1 ? entry.current : 0;
      entry.current = 0;
      if (entry.previous === 0 && entry.running === 0 && entry.planning === undefined) this.entries.delete(text);
    }
  }

  private forgetLeastUsed(): void {
    let least: { text: string; entry: Entry } | undefined;
    for (const [text, entry] of this.entries) {
      if (least === undefined || lessUsed(entry, least.entry)) least = { text, entry };
    }
    // Runs waiting for its planner ask again and plan it themselves.
    least?.entry.planning?.open();
    if (least !== undefined) this.entries.delete(least.text);
  }

  /** Ends once, however often `end` is called (a forgotten entry's count changes nothing). */
  private runOf(entry: Entry): RecordedRun {
    const run: RunUnderWay = { waiters: [] };
    this.underWay.add(run);
    return {
      answered: () => {
        entry.lastAnsweredAt = this.now();
      },
      end: () => {
        if (!this.underWay.delete(run)) return;
        entry.running -= 1;
        for (const waiter of run.waiters) if (--waiter.left === 0) waiter.done.open();
      },
    };
  }

  /** The parameters if they are short enough to keep, else none (the statement is then run with nulls). */
  private keepable(params: Params): Params {
    try {
      return JSON.stringify(params).length <= this.limits.maxParamsChars ? params : {};
    } catch {
      return {};
    }
  }
}

/** A run under way, and the waiters of `whenRunsUnderWayEnd` that count it. */
interface RunUnderWay {
  readonly waiters: { left: number; readonly done: Gate }[];
}

function uses(entry: Entry): number {
  return entry.current + entry.previous;
}

/** Fewer uses, or as many but last used longer ago. */
function lessUsed(a: Entry, b: Entry): boolean {
  return uses(a) < uses(b) || (uses(a) === uses(b) && a.lastUsedAt < b.lastUsedAt);
}
