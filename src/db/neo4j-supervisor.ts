import { closedGate, openGate } from './gate';
import type { DatabaseHealth, SupervisorState } from './database-health';
import { EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded-neo4j';
import { DEFAULT_RESTART_BACKOFF, restartDelayMs, type RestartBackoff } from './restart-backoff';
import { StandbyKeeper } from './standby-keeper';

export interface SupervisorOptions extends Omit<EmbeddedNeo4jOptions, 'signal'> {
  /** The service's log: every crash, wait, attempt and recovery is reported here. */
  readonly report: (line: string) => void;
  readonly backoff?: RestartBackoff;
  /**
   * Keep a standby JVM (standby-neo4j.ts) from the start, to take over when the database's JVM dies: its memory
   * for a restart in a fraction of a cold JVM's time.
   */
  readonly standby?: boolean;
}

/** What the supervisor runs in the background on a JVM that came back and serves again. */
export interface WarmUp {
  /** The JVM went away at `at` (epoch ms): every plan it had is lost. */
  databaseGone(at: number): void;
  /**
   * Plans again the statements the service ran lately and has not run since the JVM went away at `lostAt`
   * (epoch ms), without taking the cores the reads held through the outage need. Resolves with a few words for
   * the log, bounded in time by itself.
   */
  warm(lostAt: number): Promise<string>;
  /** Resolves once the reads under way now (those held through an outage) have ended. */
  heldReadsAnswered(): Promise<void>;
  /** Runs the service's statements on a standby's scratch DBMS at `scratchUri`, so its JVM has compiled them. */
  warmStandby(scratchUri: string): Promise<string>;
}

type State =
  | { readonly kind: 'running' }
  | { readonly kind: 'restarting'; readonly attempt: number }
  | { readonly kind: 'stopped' };

/**
 * Keeps the embedded Neo4j running under the service: when its JVM exits without being asked to, it is
 * started again on the same port and data directory (so the driver reconnects by itself), after a backoff
 * that grows while attempts fail. Statements held meanwhile wait on `untilServing()`, which opens the moment
 * the new JVM accepts Bolt connections: it serves at once, and the statements the service ran lately are
 * planned again in the background (`warmUpWith`), never holding a read. (Holding the reads until a warm-up
 * had planned them made the outage 4.5–5.3 s longer than the JVM's restart on an idle machine, and on a
 * loaded one the warm-up took 8–12 s for two statements while every held read ran out of time.) Readiness
 * learns the state through `unavailableReason()`. Stopping
 * cancels a pending or running restart and waits for the JVM to be gone; and since the launcher exits when
 * its stdin closes, no JVM outlives this process either.
 */
export class Neo4jSupervisor implements DatabaseHealth {
  private current: EmbeddedNeo4j;
  private state: State = { kind: 'running' };
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private readonly cancel = new AbortController();
  private readonly backoff: RestartBackoff;
  /** Restart attempts that brought the database back, and those that failed (for metrics). */
  private readonly restartCounts = { succeeded: 0, failed: 0 };
  private warmUp: WarmUp | undefined;
  /** When the running JVM went away (epoch ms), for the log. */
  private downSince = 0;
  /** The background warm-up of a JVM that came back, while it runs. */
  private replanning: Promise<void> | undefined;
  /** Resolved while the database serves; a new pending one from the moment it goes away until it serves again. */
  private serving = openGate();
  /** The standby JVM kept ready to take over, when asked for. */
  private readonly standby: StandbyKeeper | undefined;

  private constructor(
    private readonly options: SupervisorOptions,
    first: EmbeddedNeo4j,
  ) {
    this.backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
    this.standby =
      options.standby === true
        ? new StandbyKeeper({
            launch: options,
            report: options.report,
            warm: (scratchUri) => this.warmUp?.warmStandby(scratchUri) ?? Promise.resolve('nothing to run yet'),
          })
        : undefined;
    this.current = first;
    this.watch(first);
  }

  /** Starts the embedded Neo4j (a failure here fails start-up, as there is nothing to recover yet). */
  static async start(options: SupervisorOptions): Promise<Neo4jSupervisor> {
    const supervisor = new Neo4jSupervisor(options, await EmbeddedNeo4j.start(options));
    supervisor.standby?.keep();
    return supervisor;
  }

  /** Stable across restarts: the same port is used every time. */
  get boltUri(): string {
    return this.current.boltUri;
  }

  /** The JVM running now (changes with every restart). */
  get pid(): number | undefined {
    return this.current.pid;
  }

  /** How many restarts succeeded and failed since start-up; they only grow. */
  get restarts(): { readonly succeeded: number; readonly failed: number } {
    return { ...this.restartCounts };
  }

  /** What to run in the background on a JVM that came back (set once the service's driver exists). */
  warmUpWith(warmUp: WarmUp): void {
    this.warmUp = warmUp;
  }

  /**
   * The service has planned its first requests: a standby is warmed with their statements from now on (one runs
   * from the start, for a database that dies before that).
   */
  warmStandbyNow(): void {
    this.standby?.warmWhenReady();
  }

  unavailableReason(): string | undefined {
    switch (this.state.kind) {
      case 'running':
        return undefined;
      case 'restarting':
        return `embedded database restarting (attempt ${this.state.attempt})`;
      case 'stopped':
        return 'embedded database stopped';
    }
  }

  supervisorState(): SupervisorState {
    return this.state.kind === 'restarting'
      ? { state: this.state.kind, attempt: this.state.attempt }
      : { state: this.state.kind };
  }

  untilServing(): Promise<void> | undefined {
    return this.state.kind === 'restarting' ? this.serving.promise : undefined;
  }

  /** Stops supervising, cancels a restart in progress, and stops the JVM cleanly. */
  async stop(): Promise<void> {
    this.state = { kind: 'stopped' };
    // Nothing waits for a database that will not come back: held statements try, and fail as unavailable.
    this.serving.open();
    clearTimeout(this.timer);
    this.cancel.abort();
    await Promise.all([this.restarting, this.standby?.stop()]);
    await this.current.stop();
    // Its statements fail once the JVM is gone: it ends within one statement's timeout at most.
    await this.replanning;
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    const startedAt = Date.now();
    void neo4j.exited.then((code) => {
      if (this.state.kind === 'stopped' || neo4j.isStopping) return;
      if (Date.now() - startedAt >= this.backoff.stableAfterMs) this.failures = 0;
      if (this.state.kind === 'running') {
        this.downSince = Date.now();
        this.serving = closedGate();
      }
      this.warmUp?.databaseGone(Date.now());
      const cause = neo4j.exitSignal ? `signal ${neo4j.exitSignal}` : `code ${code}`;
      this.scheduleRestart(`exited unexpectedly (${cause}) after ${seconds(Date.now() - startedAt)}`);
    });
  }

  private scheduleRestart(what: string): void {
    this.failures += 1;
    const attempt = this.failures;
    const delay = restartDelayMs(attempt, this.backoff);
    this.state = { kind: 'restarting', attempt };
    this.options.report(`embedded Neo4j ${what}; restart attempt ${attempt} in ${seconds(delay)}`);
    this.timer = setTimeout(() => {
      // Cleared only if still the latest: a restart that failed has scheduled the next one already.
      const restarting: Promise<void> = this.restart(attempt).finally(() => {
        if (this.restarting === restarting) this.restarting = undefined;
      });
      this.restarting = restarting;
    }, delay);
  }

  private async restart(attempt: number): Promise<void> {
    const started = Date.now();
    this.options.report(`embedded Neo4j restart attempt ${attempt}: starting`);
    let neo4j: EmbeddedNeo4j;
    let how = 'a new JVM';
    try {
      const promoted = await this.promoteStandby();
      if (promoted !== undefined) how = 'the standby took over';
      neo4j = promoted ?? (await EmbeddedNeo4j.start({ ...this.options, signal: this.cancel.signal }));
    } catch (error) {
      if (this.state.kind === 'stopped') return;
      this.restartCounts.failed += 1;
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      this.scheduleRestart(`restart attempt ${attempt} failed after ${seconds(Date.now() - started)} (${reason})`);
      return;
    }
    if (this.state.kind === 'stopped') {
      // stop() came while the start was finishing: the new JVM must not outlive the supervisor.
      await neo4j.stop();
      return;
    }
    this.current = neo4j;
    this.state = { kind: 'running' };
    this.restartCounts.succeeded += 1;
    this.watch(neo4j);
    // The held statements go on now: Bolt accepts connections, and each plans its own statement.
    this.serving.open();
    const lostAt = this.downSince;
    this.options.report(
      `embedded Neo4j is back (${how}): restart attempt ${attempt} took ${seconds(Date.now() - started)}; ` +
        `it serves again ${seconds(Date.now() - lostAt)} after it went away`,
    );
    this.replanInBackground(neo4j, lostAt);
  }

  /**
   * The standby told to serve, when there is one (standing by, or still on its way: its JVM is ahead of a new
   * one either way); undefined when there is none or it could not take over, which a new JVM then does.
   */
  private async promoteStandby(): Promise<EmbeddedNeo4j | undefined> {
    const standby = await this.standby?.take();
    if (standby === undefined) return undefined;
    try {
      return await standby.promote(this.cancel.signal);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      this.options.report(`the standby could not take over (${reason}); starting a new JVM`);
      // It must not hold the store a new JVM opens.
      await standby.stop();
      return undefined;
    }
  }

  /**
   * Plans the service's statements again on a JVM that came back, while it serves; its words go to the log. A
   * warm-up that fails only costs the traffic its plans; one still running (a JVM that died during it and came
   * back again) is let finish first.
   */
  private replanInBackground(neo4j: EmbeddedNeo4j, lostAt: number): void {
    const warmUp = this.warmUp;
    // The next standby once the reads held through the outage are answered: 1.3 s after a warm standby took over,
    // so a second crash soon after finds it well along; later after a cold one, whose held reads plan anew and
    // would otherwise share two cores with a third JVM's start (in the drill they then ran out of time).
    void (warmUp?.heldReadsAnswered() ?? Promise.resolve()).then(() => {
      if (this.current === neo4j && this.state.kind === 'running') this.standby?.replenish();
    });
    if (warmUp === undefined) return;
    const replanning: Promise<void> = (this.replanning ?? Promise.resolve())
      .then(async () => {
        if (this.current !== neo4j || this.state.kind !== 'running') return;
        const words = await warmUp
          .warm(lostAt)
          .catch((error: unknown) => `failed (${error instanceof Error ? error.message : String(error)})`);
        this.options.report(`embedded Neo4j re-planned the service's statements in the background: ${words}`);
      })
      .finally(() => {
        if (this.replanning === replanning) this.replanning = undefined;
      });
    this.replanning = replanning;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
