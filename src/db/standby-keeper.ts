import { createServer } from 'node:net';
import { closedGate } from './gate';
import { restartDelayMs, type RestartBackoff } from './restart-backoff';
import { StandbyNeo4j, type StandbyOptions } from './standby-neo4j';

export interface StandbyKeeperOptions {
  /** The standby's settings but its port, which is found free on loopback for each standby. */
  readonly launch: Omit<StandbyOptions, 'standbyPort' | 'signal'>;
  /** Runs the service's statements on a standby's scratch DBMS; resolves with a few words for the log. */
  readonly warm: (scratchUri: string) => Promise<string>;
  readonly report: (line: string) => void;
}

/** Waits before another standby after one failed: 30 s, doubling with each failure in a row, at most 10 minutes. */
export const STANDBY_RETRY_BACKOFF: RestartBackoff = { initialMs: 30_000, maxMs: 600_000, stableAfterMs: 0 };

/** A port free on 127.0.0.1 now (the kernel's pick), for a standby's scratch DBMS. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolvePort(address.port) : rejectPort(new Error('no port')),
      );
    });
  });
}

/**
 * Keeps one standby JVM (standby-neo4j.ts) ready for the supervisor, from the moment it is asked to (`keep`, as
 * soon as the database runs: the first kill can come at any time). A standby is started, then warmed with the
 * service's statements once there are some to warm with (`warmWhenReady`: the service says so once it has
 * planned its first requests). When the supervisor `take`s it, the next one comes once `replenish` is called
 * (once the reads held through the outage are answered). A standby that fails or dies is replaced after a
 * growing wait; the database runs on without one meanwhile.
 */
export class StandbyKeeper {
  private wanted = false;
  /** Opens when the service has statements to warm a standby with. */
  private readonly statementsKnown = closedGate();
  private stopped = false;
  private failures = 0;
  private pending: Promise<StandbyNeo4j | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly cancel = new AbortController();

  constructor(private readonly options: StandbyKeeperOptions) {}

  /** From now on, one standby is kept ready. */
  keep(): void {
    this.wanted = true;
    this.replenish();
  }

  /** From now on, each standby is warmed once it stands by (the one standing by now, at once). */
  warmWhenReady(): void {
    this.statementsKnown.open();
  }

  /** Starts a standby when none is there or on its way (and one is wanted). */
  replenish(): void {
    if (!this.wanted || this.stopped || this.pending !== undefined || this.timer !== undefined) return;
    const started = Date.now();
    const pending: Promise<StandbyNeo4j | undefined> = freeLoopbackPort()
      .then((standbyPort) => StandbyNeo4j.start({ ...this.options.launch, standbyPort, signal: this.cancel.signal }))
      .then(
        (standby) => {
          this.watch(standby, pending);
          void this.warmUp(standby, pending, started);
          return standby;
        },
        (error: unknown) => {
          if (this.pending === pending) this.retire(`could not start (${firstLine(error)})`);
          return undefined;
        },
      );
    this.pending = pending;
  }

  /**
   * The standby, standing by or on its way (undefined when none is): the caller promotes or stops it. The keeper
   * has none until `replenish`.
   */
  take(): Promise<StandbyNeo4j | undefined> | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.cancel.abort();
    const standby = await this.take();
    await standby?.stop();
  }

  /**
   * Warms `standby` once the service has statements, and says how it went: ready (its warm-up's words), or
   * taken before or during its warm-up (then its scratch DBMS stopped under the warm-up, which says so).
   */
  private async warmUp(
    standby: StandbyNeo4j,
    pending: Promise<StandbyNeo4j | undefined>,
    started: number,
  ): Promise<void> {
    await this.statementsKnown.promise;
    const standing = (): boolean => this.pending === pending;
    // Stopped with the service: its scratch DBMS went away under the warm-up, which is no one's concern.
    if (this.stopped) return;
    if (!standing()) {
      this.options.report(
        `standby Neo4j took over ${seconds(Date.now() - started)} after its start, before its warm-up`,
      );
      return;
    }
    const words = await this.options
      .warm(standby.scratchUri)
      .catch((error: unknown) => `its warm-up failed (${firstLine(error)})`);
    if (this.stopped) return;
    if (!standing()) {
      this.options.report(`standby Neo4j took over during its warm-up: ${words}`);
      return;
    }
    this.failures = 0;
    this.options.report(`standby Neo4j ready to take over, ${seconds(Date.now() - started)} after its start: ${words}`);
  }

  /** A standby that exits while it stands by (not taken) is replaced after a wait. */
  private watch(standby: StandbyNeo4j, pending: Promise<StandbyNeo4j | undefined>): void {
    void standby.exited.then((code) => {
      if (this.pending === pending && !this.stopped) this.retire(`exited (code ${code}) while standing by`);
    });
  }

  private retire(what: string): void {
    this.pending = undefined;
    if (this.stopped) return;
    this.failures += 1;
    const delay = restartDelayMs(this.failures, STANDBY_RETRY_BACKOFF);
    this.options.report(`standby Neo4j ${what}; another in ${seconds(delay)}`);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.replenish();
    }, delay);
    this.timer.unref();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
