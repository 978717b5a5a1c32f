import { randomUUID } from 'node:crypto';
import type { GraphGateway } from '../../db/graph-gateway';

/** The version of an empty database (no seed loaded yet). */
const EMPTY_GRAPH = 'empty';

/**
 * Without polling (commands, tests that build a server by hand): how long a read version is trusted before it
 * is read again in the background. The service polls instead (`startPolling`).
 */
const RECHECK_AFTER_MS = 30_000;

/**
 * Neo4j aborts a version read past this, and transient failures are retried only this long: a failing or
 * hung read must not hold the poll up past the agreement window.
 */
const READ_TIMEOUT_MS = 1_000;

/**
 * Instances over one database agree within this: once a read of the version FAILS while the version is older
 * than this, the version is no longer served (the poll runs every DATA_VERSION_POLL_MS, at most 750 ms, so a
 * failed read or two is tolerated first).
 */
export const AGREEMENT_WINDOW_MS = 1_000;

/**
 * A version that no read has confirmed for this long, with no read failing either (a read hanging on a
 * database that does not answer), is no longer served. Slow reads alone (an overloaded machine) are given
 * this long: forgetting the version then would turn the response cache cold just when the load is highest.
 * Readiness fails past the same age (src/platform/http/health.ts).
 */
export const UNCONFIRMED_AFTER_MS = 5_000;

/** The audited changes a version counts (`<seed>+<changes>`, 0 for the seed alone). */
export function changeCountIn(version: string): number {
  const changes = /\+(\d+)(?:~|$)/.exec(version)?.[1];
  return changes === undefined ? 0 : Number(changes);
}

/** How the service keeps its version in step with writes made through other instances. */
export interface DataVersionPolling {
  /** Pause between the end of one read and the start of the next (DATA_VERSION_POLL_MS). */
  readonly intervalMs: number;
  /** A failed read with the version older than this makes it unconfirmed (see `forgetAfterFailedRead`). */
  readonly staleAfterMs: number;
  /** With no read answering at all for this long, the version is unconfirmed too (a read hangs). */
  readonly unconfirmedAfterMs: number;
}

/**
 * The single answer to "which version of the data is being served": HTTP caching derives ETags from it, so a
 * reload and every write must go through here. The version is the hash of the seed graph the loader stored
 * in the database (`SeedInfo.hash`) plus the number of audited changes recorded since, read at start-up,
 * after a reload and after every mutation (`dataVersionAfterWritesPlugin`), and polled in the background
 * (`startPolling`), so a write through another instance of the service is noticed within the poll interval.
 * Polling was chosen over a version read per request by measuring both (docs/operators.md "Deploy").
 */
export class DataVersion {
  /** The read of the version under way, if any. */
  private running: Promise<string> | undefined;
  /** A read queued to start when `running` ends, shared by every caller that came while it ran. */
  private queued: Promise<string> | undefined;
  /** The background poll's next read, while polling. */
  private pollTimer: NodeJS.Timeout | undefined;
  private polling: DataVersionPolling | undefined;
  /** Why the last read failed, until one succeeds. */
  private failure: string | undefined;
  /** The version the latest successful read found (never an unconfirmed stand-in). */
  private confirmed: string | undefined;
  /** Set while the version served is an unconfirmed one (`forgetAfterFailedRead`). */
  private unconfirmed = false;
  /** Told each version a read confirmed that differs from the one confirmed before (`onChange`). */
  private readonly changeListeners = new Set<(version: string) => void>();

  private constructor(
    private readonly gateway: GraphGateway,
    private version: string,
    private readAt: number,
    private readonly recheckAfterMs: number,
  ) {}

  /** Reads the version the database holds now. */
  static async read(gateway: GraphGateway, recheckAfterMs: number = RECHECK_AFTER_MS): Promise<DataVersion> {
    const dataVersion = new DataVersion(gateway, EMPTY_GRAPH, 0, recheckAfterMs);
    await dataVersion.refresh();
    return dataVersion;
  }

  /**
   * The version being served. Polling: once a read failed with the version older than `staleAfterMs`, or
   * no read answered for `unconfirmedAfterMs`, an unconfirmed one (no cached answer or ETag carries it), so
   * an instance cut off from the database never hands out an answer from before another instance's write.
   * Not polling: older than the recheck interval, a re-read starts.
   */
  current(): string {
    if (this.polling !== undefined) {
      // Checked here too, not only when a poll fails: a hung read (a frozen database) never fails by itself.
      if (this.ageMs() > this.polling.unconfirmedAfterMs && !this.unconfirmed) this.forgetAfterFailedRead();
    } else if (this.ageMs() > this.recheckAfterMs && this.running === undefined) {
      // A failed background read keeps the known version; readiness reports the database's state.
      this.refresh().catch(() => undefined);
    }
    return this.version;
  }

  /** Milliseconds since the version was last read successfully (for readiness, logs and metrics). */
  ageMs(): number {
    return Date.now() - this.readAt;
  }

  /** The seed's hash in the version served (`empty` before a graph is loaded), for metrics. */
  seedHash(): string {
    return /^[^+~]*/.exec(this.version)?.[0] ?? EMPTY_GRAPH;
  }

  /** Audited changes counted in the version served (0 for the seed alone; see the class comment), for metrics. */
  changeCount(): number {
    return changeCountIn(this.version);
  }

  /** Why the latest read failed, or undefined when it succeeded. */
  lastReadError(): string | undefined {
    return this.failure;
  }

  /** The polling settings while polling, else undefined. */
  pollingSettings(): DataVersionPolling | undefined {
    return this.polling;
  }

  /**
   * Reads the version again every `intervalMs` (after the previous read ended, so reads never pile up) until
   * `stopPolling()`. The timer does not keep the process alive.
   */
  startPolling(
    intervalMs: number,
    staleAfterMs: number = AGREEMENT_WINDOW_MS,
    unconfirmedAfterMs: number = UNCONFIRMED_AFTER_MS,
  ): void {
    this.stopPolling();
    const polling: DataVersionPolling = { intervalMs, staleAfterMs, unconfirmedAfterMs };
    this.polling = polling;
    const next = (): void => {
      this.pollTimer = setTimeout(() => {
        this.refresh()
          .catch(() => {
            // A new unconfirmed version per failed poll: answers cached meanwhile live one interval at most.
            if (this.ageMs() > polling.staleAfterMs) this.forgetAfterFailedRead();
          })
          .finally(() => {
            if (this.polling === polling) next();
          });
      }, polling.intervalMs);
      this.pollTimer.unref();
    };
    next();
  }

  /**
   * Calls `listener` with each new version a read confirms: after a write through this instance or, by the
   * poll, through another one over the same database. Unconfirmed stand-ins (`forgetAfterFailedRead`) are not
   * changes of the data and are never announced. Returns the call that stops the calls.
   */
  onChange(listener: (version: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Stops the background poll (on shutdown); a read under way finishes on its own. */
  stopPolling(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.polling = undefined;
  }

  /**
   * Reads the version again; call it after the graph was reloaded or written. The answer comes from a read
   * that STARTED after this call, so it includes every write committed before the call. Joining a read
   * already under way would not: that read may have run before the caller's write committed, and a
   * mutation's answer would then go out while reads after it still get the old version (and the response
   * cache's answers from before the write). Callers that arrive while a read runs share one read after it.
   */
  refresh(): Promise<string> {
    if (this.queued !== undefined) return this.queued;
    if (this.running === undefined) return this.startRead();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startRead();
      });
    return this.queued;
  }

  /**
   * After a write whose new version could not be read (the database went away just then): serve a version
   * that no ETag and no response-cache entry carries, so nothing from before the write is handed out, until
   * a read succeeds. Costs a cold cache meanwhile, never a stale answer.
   */
  forgetAfterFailedRead(): void {
    this.unconfirmed = true;
    this.version = `${this.version.split('~')[0] ?? this.version}~unconfirmed-${randomUUID().slice(0, 8)}`;
  }

  private startRead(): Promise<string> {
    // The answer holds every write committed before the read started: its age counts from then.
    const startedAt = Date.now();
    const reading = this.gateway
      .read('load/read-seed-info', {}, READ_TIMEOUT_MS)
      .then(([info]) => {
        const hash = info?.hash;
        const seed = typeof hash === 'string' && Number(info?.nodes ?? 0) > 0 ? hash : EMPTY_GRAPH;
        // Recorded results change answers without changing the seed: the audit count (one entry per write,
        // never deleted) makes every write a new version. Without writes the version is the seed hash alone.
        const changes = Number(info?.changes ?? 0);
        const confirmed = changes > 0 ? `${seed}+${changes}` : seed;
        const changed = confirmed !== this.confirmed;
        this.confirmed = confirmed;
        this.version = confirmed;
        this.readAt = startedAt;
        this.failure = undefined;
        this.unconfirmed = false;
        if (changed) for (const listener of this.changeListeners) listener(confirmed);
        return this.version;
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        throw error;
      })
      .finally(() => {
        if (this.running === reading) this.running = undefined;
      });
    this.running = reading;
    return reading;
  }
}
