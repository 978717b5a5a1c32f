import { randomUUID } from 'node:crypto';
import type { GraphGateway } from '../db/graph-gateway';

/** The version of an empty database (no seed loaded yet). */
const EMPTY_GRAPH = 'empty';

/**
 * How long a read version is trusted before it is read again in the background. A reload by this process
 * calls `refresh()` at once; this interval only bounds how long a reload by another process (`npm run seed`
 * against the same database) stays unnoticed.
 */
const RECHECK_AFTER_MS = 30_000;

/**
 * The single answer to "which version of the data is being served": HTTP caching derives ETags from it, so a
 * reload and every write must go through here. The version is the hash of the seed graph the loader stored
 * in the database (`SeedInfo.hash`) plus the number of audited changes recorded since, read at start-up,
 * after a reload and after every mutation (`dataVersionAfterWritesPlugin`); other instances of the service
 * notice within the recheck interval.
 */
export class DataVersion {
  /** The read of the version under way, if any. */
  private running: Promise<string> | undefined;
  /** A read queued to start when `running` ends, shared by every caller that came while it ran. */
  private queued: Promise<string> | undefined;

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

  /** The version being served. When it is older than the recheck interval, a re-read starts in the background. */
  current(): string {
    if (Date.now() - this.readAt > this.recheckAfterMs && this.running === undefined) {
      // A failed background read keeps the known version; readiness reports the database's state.
      this.refresh().catch(() => undefined);
    }
    return this.version;
  }

  /** Milliseconds since the version was last read successfully (for readiness, logs and metrics). */
  ageMs(): number {
    return Date.now() - this.readAt;
  }

  /** Audited changes counted in the version served (0 for the seed alone; see the class comment), for metrics. */
  changeCount(): number {
    const changes = /\+(\d+)(?:~|$)/.exec(this.version)?.[1];
    return changes === undefined ? 0 : Number(changes);
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
    this.version = `${this.version.split('~')[0] ?? this.version}~unconfirmed-${randomUUID().slice(0, 8)}`;
  }

  private startRead(): Promise<string> {
    const reading = this.gateway
      .read('load/read-seed-info')
      .then(([info]) => {
        const hash = info?.hash;
        const seed = typeof hash === 'string' && Number(info?.nodes ?? 0) > 0 ? hash : EMPTY_GRAPH;
        // Recorded results change answers without changing the seed: the audit count (one entry per write,
        // never deleted) makes every write a new version. Without writes the version is the seed hash alone.
        const changes = Number(info?.changes ?? 0);
        this.version = changes > 0 ? `${seed}+${changes}` : seed;
        this.readAt = Date.now();
        return this.version;
      })
      .finally(() => {
        if (this.running === reading) this.running = undefined;
      });
    this.running = reading;
    return reading;
  }
}
