import type { DatabaseHealth, SupervisorState } from './database-health';
import { EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded-neo4j';

/** When to try again after the embedded Neo4j died: doubling waits, capped, reset once it has run a while. */
export interface RestartBackoff {
  /** Wait before the first restart attempt. */
  readonly initialMs: number;
  /** Longest wait between attempts. */
  readonly maxMs: number;
  /** A JVM that ran this long before it died counts as recovered: the next crash starts again at attempt 1. */
  readonly stableAfterMs: number;
}

export const DEFAULT_RESTART_BACKOFF: RestartBackoff = { initialMs: 500, maxMs: 30_000, stableAfterMs: 60_000 };

/** The wait before restart attempt `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s … up to `maxMs`. */
export function restartDelayMs(attempt: number, backoff: RestartBackoff = DEFAULT_RESTART_BACKOFF): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(backoff.initialMs * 2 ** doublings, backoff.maxMs);
}

export interface SupervisorOptions extends Omit<EmbeddedNeo4jOptions, 'signal'> {
  /** The service's log: every crash, wait, attempt and recovery is reported here. */
  readonly report: (line: string) => void;
  readonly backoff?: RestartBackoff;
}

type State =
  | { readonly kind: 'running' }
  | { readonly kind: 'restarting'; readonly attempt: number }
  | { readonly kind: 'stopped' };

/**
 * Keeps the embedded Neo4j running under the service: when its JVM exits without being asked to, it is
 * started again on the same port and data directory (so the driver reconnects by itself), after a backoff
 * that grows while attempts fail. Readiness learns the state through `unavailableReason()`. Stopping
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

  private constructor(
    private readonly options: SupervisorOptions,
    first: EmbeddedNeo4j,
  ) {
    this.backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
    this.current = first;
    this.watch(first);
  }

  /** Starts the embedded Neo4j (a failure here fails start-up, as there is nothing to recover yet). */
  static async start(options: SupervisorOptions): Promise<Neo4jSupervisor> {
    return new Neo4jSupervisor(options, await EmbeddedNeo4j.start(options));
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
      ? { state: 'restarting', attempt: this.state.attempt }
      : { state: this.state.kind };
  }

  /** Stops supervising, cancels a restart in progress, and stops the JVM cleanly. */
  async stop(): Promise<void> {
    this.state = { kind: 'stopped' };
    clearTimeout(this.timer);
    this.cancel.abort();
    await this.restarting;
    await this.current.stop();
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    const startedAt = Date.now();
    void neo4j.exited.then((code) => {
      if (this.state.kind === 'stopped' || neo4j.isStopping) return;
      if (Date.now() - startedAt >= this.backoff.stableAfterMs) this.failures = 0;
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
      this.restarting = this.restart(attempt).finally(() => (this.restarting = undefined));
    }, delay);
  }

  private async restart(attempt: number): Promise<void> {
    const started = Date.now();
    this.options.report(`embedded Neo4j restart attempt ${attempt}: starting`);
    let neo4j: EmbeddedNeo4j;
    try {
      neo4j = await EmbeddedNeo4j.start({ ...this.options, signal: this.cancel.signal });
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
    this.options.report(`embedded Neo4j is back: restart attempt ${attempt} took ${seconds(Date.now() - started)}`);
    this.watch(neo4j);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
