import { mkdirSync } from 'node:fs';
import { SERVICE_USER_NAME } from './embedded-service-user';
import { LauncherProcess } from './launcher-process';

export interface EmbeddedNeo4jOptions {
  readonly port: number;
  readonly dataDirectory: string;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  /**
   * Password of user `neo4j`, and of the service user when there is one (authentication is always on). Sent
   * on the JVM's stdin, never as an argument, so other local users cannot read it in `ps`.
   */
  readonly password: string;
  /**
   * The user the service logs in as (see embedded-service-user.ts), created by the launcher with `password`;
   * also sent on stdin, as knowing it is what it takes to lock it out. None: only `neo4j` exists.
   */
  readonly serviceUser?: string;
  /** How long to wait for the "ready" line. */
  readonly startTimeoutMs?: number;
  /** Where the launcher's stderr lines go (the service's logger; a command's own stderr). */
  readonly log: (line: string) => void;
  /** The jar to run; tests and the compiled service resolve it differently. */
  readonly jar?: string;
  /** Aborting stops a start in progress (SIGTERM to the JVM), so a supervisor can stop at any moment. */
  readonly signal?: AbortSignal;
}

/** The launcher's line once the default database serves Bolt. */
export const READY_LINE = /^ready (bolt:\/\/\S+)$/;

/** How long a start waits for the "ready" line unless told otherwise. */
export const DEFAULT_START_TIMEOUT_MS = 180_000;

/**
 * Checks the options, makes the data directory (owner-only), and runs the launcher with `extraArgs`: the JVM
 * starts at once, the DBMS when the launcher gets to it (a plain start at once, a standby when told to serve).
 */
export function spawnLauncher(options: EmbeddedNeo4jOptions, extraArgs: readonly string[] = []): LauncherProcess {
  if (options.password === '' || /[\r\n]/.test(options.password)) {
    throw new Error('the embedded Neo4j password must be one non-empty line');
  }
  if (options.serviceUser !== undefined && !SERVICE_USER_NAME.test(options.serviceUser)) {
    throw new Error(`the embedded Neo4j service user must match ${String(SERVICE_USER_NAME)}`);
  }
  // Owner-only: the store and the password file inside it are nobody else's business.
  mkdirSync(options.dataDirectory, { recursive: true, mode: 0o700 });
  const args = [
    `--home=${options.dataDirectory}`,
    `--port=${options.port}`,
    `--page-cache-mb=${options.pageCacheMb}`,
    '--exit-on-stdin-close',
    ...extraArgs,
  ];
  // The first line of stdin is the password, the second the service user (or empty); stdin then stays
  // open, and its end tells the JVM to exit.
  return LauncherProcess.spawn(options, args, [options.password, options.serviceUser ?? '']);
}

/**
 * A Neo4j Community DBMS running in a child JVM (the launcher in neo4j/). The child exits when its stdin
 * closes, so even if this process dies without cleaning up, no database is left running.
 */
export class EmbeddedNeo4j {
  private stopping = false;

  private constructor(
    private readonly launcher: LauncherProcess,
    readonly boltUri: string,
  ) {}

  /** Starts the DBMS and resolves once it accepts Bolt connections. */
  static async start(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
    const launcher = spawnLauncher(options);
    const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    return EmbeddedNeo4j.serving(launcher, timeoutMs, options.signal);
  }

  /** The database of `launcher` once it says it is ready (a plain start's, or a standby's told to serve). */
  static async serving(launcher: LauncherProcess, timeoutMs: number, signal?: AbortSignal): Promise<EmbeddedNeo4j> {
    const boltUri = await launcher.awaitLine(READY_LINE, 'ready', timeoutMs, signal);
    return new EmbeddedNeo4j(launcher, boltUri);
  }

  get pid(): number | undefined {
    return this.launcher.child.pid;
  }

  /** Resolves with the exit code when the JVM exits for any reason. */
  get exited(): Promise<number | null> {
    return this.launcher.exit;
  }

  /** The signal that ended the JVM (e.g. SIGKILL), once it has exited because of one. */
  get exitSignal(): NodeJS.Signals | null {
    return this.launcher.child.signalCode;
  }

  /** True while stop() has been asked for (an exit then is expected, not a crash). */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** Shuts the DBMS down cleanly (SIGTERM runs Neo4j's shutdown hook); SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    await this.launcher.stop(graceMs);
  }
}
