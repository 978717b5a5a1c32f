import { Semaphore } from './semaphore';

/**
 * Statements planned at once on a JVM that came back: two, the machine's cores. Eight readers that all planned
 * their statements together on two cores each took eight times as long, and none was answered before all were
 * (a first 200 came 18 s after the database served again, on a loaded machine); two at a time, the first is
 * answered after one statement's planning.
 */
export const COLD_LANES = 2;

/**
 * Neo4j's timeout for a read that plans its statement in a lane, however little time its request has left: the
 * request is answered at its deadline all the same, while the statement goes on until it is planned. Stopped
 * at the request's deadline, its half-made plan was lost and the next read started planning it again; on a
 * loaded machine (a fresh JVM planning one statement in 5–30 s) no read then got through for 25 s.
 */
export const COLD_PLAN_TIMEOUT_MS = 30_000;

/**
 * What a read that plans its statement calls when it has run: `planned` when it ran (its plan is cached now),
 * else (it failed, e.g. on a connection the dead JVM left) the statement is planned by the next run.
 */
export type PlannedRun = (planned: boolean) => void;

/**
 * After the embedded database came back (its plans lost) and until its background re-planning is over: which
 * statements the new JVM has planned, and the lanes the first run of each other one takes. A read whose
 * statement is planned runs as usual; one whose statement another run is planning now waits for that run (it
 * then finds the plan cached) rather than plan it a second time beside it; any other takes one of COLD_LANES
 * lanes, in arrival order, and plans it. The background re-planning plans one statement at a time beside them
 * and takes no lane (`backgroundTurn`): a read never waits for it, only, at most, for the plan of its own
 * statement when the re-planning is making it. Nothing waits outside that window.
 */
export class ColdPlans {
  private cold = false;
  private readonly planned = new Set<string>();
  private readonly planning = new Map<string, Promise<void>>();
  private readonly lanes = new Semaphore(COLD_LANES);

  /** The JVM went away: from its return, every statement is planned anew. */
  plansLost(): void {
    this.cold = true;
    this.planned.clear();
  }

  /** The re-planning is over: statements not planned yet are planned by their traffic, unbounded as usual. */
  replanningEnded(): void {
    this.cold = false;
    this.planned.clear();
  }

  /** Whether `text` is planned, or being planned, on the JVM that came back (the warm-up skips it then). */
  isPlannedOrPlanning(text: string): boolean {
    return !this.cold || this.planned.has(text) || this.planning.has(text);
  }

  /**
   * Before a run of `text`: undefined when it may run at once; else a promise of its turn, within `waitMs`
   * (a request's time left), resolving with what to call when the run has ended (undefined when there is
   * nothing to call: it waited for another run's plan, or its time ran out and it runs unbounded).
   */
  turn(text: string, waitMs: number): Promise<PlannedRun | undefined> | undefined {
    if (!this.cold || this.planned.has(text)) return undefined;
    const underWay = this.planning.get(text);
    if (underWay !== undefined) return waitAtMost(underWay, waitMs).then(() => undefined);
    const finish = this.startPlanning(text);
    return this.lanes.acquire(AbortSignal.timeout(Math.max(1, waitMs))).then(
      (release) => (planned: boolean) => {
        release();
        finish(planned);
      },
      () => {
        finish(false);
        return undefined;
      },
    );
  }

  /**
   * For the background re-planning: marks `text` as being planned (runs of it wait for this plan) without
   * taking a read's lane, so a read never waits for a lane the re-planning holds; its one statement at a time
   * is the only planning beside the reads' two. Returns what to call when it has run.
   */
  backgroundTurn(text: string): PlannedRun | undefined {
    if (this.isPlannedOrPlanning(text)) return undefined;
    return this.startPlanning(text);
  }

  /** Records that a run plans `text` now; the function returned ends that (planned, or given up). */
  private startPlanning(text: string): (plannedNow: boolean) => void {
    let ended = (): void => undefined;
    const planning = new Promise<void>((resolve) => (ended = resolve));
    this.planning.set(text, planning);
    return (plannedNow) => {
      if (this.planning.get(text) === planning) this.planning.delete(text);
      if (plannedNow && this.cold) this.planned.add(text);
      ended();
    };
  }
}

/** Resolves when `promise` does or after `ms`, whichever is first, leaving no timer behind. */
async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))));
  await Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
