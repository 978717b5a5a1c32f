import { join } from 'node:path';
import { DEFAULT_START_TIMEOUT_MS, EmbeddedNeo4j, spawnLauncher, type EmbeddedNeo4jOptions } from './embedded-neo4j';
import type { LauncherProcess } from './launcher-process';

/** The scratch store of a data directory's standby, inside it (the standby's DBMS writes nothing else). */
export function standbyDirectoryOf(dataDirectory: string): string {
  return join(dataDirectory, 'standby');
}

export interface StandbyOptions extends EmbeddedNeo4jOptions {
  /** Bolt port of the standby's scratch DBMS (on 127.0.0.1, with the same credentials). */
  readonly standbyPort: number;
}

/**
 * A second launcher JVM kept ready beside the running database: it runs a DBMS of its own on a scratch store
 * (`standbyDirectoryOf`), where the service runs its statements so that the JVM has loaded and compiled the code
 * that starting a database and planning them need. When the running database's JVM dies, `promote` tells it to
 * serve: it stops the scratch DBMS and opens the real store on the real port. A cold JVM spent 5–7 s starting and
 * 0.4–2 s planning each statement on two loaded cores; a hot one does both in a fraction of that.
 */
export class StandbyNeo4j {
  private constructor(
    private readonly launcher: LauncherProcess,
    /** The scratch DBMS, to run statements on while it stands by. */
    readonly scratchUri: string,
    private readonly timeoutMs: number,
  ) {}

  static async start(options: StandbyOptions): Promise<StandbyNeo4j> {
    const launcher = spawnLauncher(options, [
      `--standby-home=${standbyDirectoryOf(options.dataDirectory)}`,
      `--standby-port=${options.standbyPort}`,
    ]);
    const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const scratchUri = await launcher.awaitLine(/^standby (bolt:\/\/\S+)$/, 'standing by', timeoutMs, options.signal);
    return new StandbyNeo4j(launcher, scratchUri, timeoutMs);
  }

  get pid(): number | undefined {
    return this.launcher.child.pid;
  }

  /** Resolves when the JVM exits for any reason (a standby that dies is simply not there when needed). */
  get exited(): Promise<number | null> {
    return this.launcher.exit;
  }

  /** Tells it to serve the real store (whose JVM must be gone) and resolves once it does. */
  promote(signal?: AbortSignal): Promise<EmbeddedNeo4j> {
    this.launcher.write(['serve']);
    return EmbeddedNeo4j.serving(this.launcher, this.timeoutMs, signal);
  }

  /** Ends it: its scratch DBMS stops, and nothing else was open. */
  stop(graceMs = 10_000): Promise<void> {
    return this.launcher.stop(graceMs);
  }
}
