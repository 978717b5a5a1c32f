import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { SERVICE_USER_NAME } from './embedded-service-user';
import { createInterface } from 'node:readline';

/** The launcher jar built by `npm run neo4j:build` (scripts/neo4j-build.js). */
export const LAUNCHER_JAR = join(PROJECT_ROOT, 'neo4j', 'target', 'embedded-neo4j.jar');

/**
 * The launcher's class archive (scripts/neo4j-class-archive.js), made by the same build: the classes that
 * starting Neo4j and planning statements load, already parsed and verified. Mapped when present, it took the
 * launcher's start from 5.7 s to 3.6 s on an idle machine, which is most of a restart's time. A JVM that finds
 * the archive made by another Java or for another jar ignores it and starts as without (-Xshare:auto).
 */
export const LAUNCHER_CLASS_ARCHIVE = join(PROJECT_ROOT, 'neo4j', 'target', 'embedded-neo4j.jsa');

/**
 * The JVM options of the launcher besides its heap (neo4j/jvm-options.json, which the class archive's training
 * run uses too): G1, and the client compiler (C1) only. A restart after a SIGKILL runs on a machine of few cores
 * that the service and its readers share; there the C2 compiler's background compilations took the cores the
 * start and the first plans needed. In alternated rounds (`node bench/investigations/database-restart-phases.js
 * --variants base,serial,c1,serial-c1`, load average 15–17 on 2 cores) the launcher was ready 4.8–5.7 s after
 * the kill instead of 9.4 s, and planning the service's 51 read statements once took 8–11 s instead of 22 s
 * (docs/operators.md). The serial collector changed nothing measurable, so G1 stays. Read at each start, not
 * when this module loads: the production image runs against an external Neo4j and has no neo4j/ folder.
 */
const LAUNCHER_JVM_OPTIONS_FILE = join(PROJECT_ROOT, 'neo4j', 'jvm-options.json');

function readJvmOptions(path: string): readonly string[] {
  const options: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(options) || !options.every((option) => typeof option === 'string' && option.startsWith('-XX:'))) {
    throw new Error(`${path} must be a list of -XX: options`);
  }
  return options as string[];
}

/** How long a cancelled start waits for SIGTERM before it kills the JVM. */
const CANCEL_GRACE_MS = 10_000;

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

/**
 * A Neo4j Community DBMS running in a child JVM (the launcher in neo4j/). The child exits when its stdin
 * closes, so even if this process dies without cleaning up, no database is left running.
 */
export class EmbeddedNeo4j {
  private exitPromise: Promise<number | null>;
  private stopping = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly boltUri: string,
    exit: Promise<number | null>,
  ) {
    this.exitPromise = exit;
  }

  /** Starts the DBMS and resolves once it accepts Bolt connections. */
  static async start(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
    if (options.password === '' || /[\r\n]/.test(options.password)) {
      throw new Error('the embedded Neo4j password must be one non-empty line');
    }
    if (options.serviceUser !== undefined && !SERVICE_USER_NAME.test(options.serviceUser)) {
      throw new Error(`the embedded Neo4j service user must match ${String(SERVICE_USER_NAME)}`);
    }
    // Owner-only: the store and the password file inside it are nobody else's business.
    mkdirSync(options.dataDirectory, { recursive: true, mode: 0o700 });
    const jar = options.jar ?? LAUNCHER_JAR;
    const classArchive = jar === LAUNCHER_JAR && existsSync(LAUNCHER_CLASS_ARCHIVE) ? [LAUNCHER_CLASS_ARCHIVE] : [];
    const args = [
      `-Xmx${options.heapMb}m`,
      ...readJvmOptions(LAUNCHER_JVM_OPTIONS_FILE),
      ...classArchive.map((archive) => `-XX:SharedArchiveFile=${archive}`),
      '-jar',
      jar,
      `--home=${options.dataDirectory}`,
      `--port=${options.port}`,
      `--page-cache-mb=${options.pageCacheMb}`,
      '--exit-on-stdin-close',
    ];
    // A process group of its own: a terminal's Ctrl-C (SIGINT to the foreground group) reaches the service alone,
    // which stops the database in order after its requests, rather than the JVM closing the service's connections
    // under it at the same moment. A parent that dies without stopping it still ends it: stdin closes.
    const child = spawn(javaExecutable(), args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    // The first line of stdin is the password, the second the service user (or empty); stdin then stays
    // open, and its end tells the JVM to exit. A JVM that dies at once breaks the pipe; its exit is
    // reported below, so the write error adds nothing.
    child.stdin?.on('error', () => undefined);
    child.stdin?.write(`${options.password}\n${options.serviceUser ?? ''}\n`);
    const log = options.log;
    const stderrLines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderrLines.push(line);
      log(line);
    });
    const exit = new Promise<number | null>((resolveExit) => {
      child.once('exit', (code) => resolveExit(code));
    });

    const timeoutMs = options.startTimeoutMs ?? 180_000;
    let cancelled = false;
    // Cancelling waits for the JVM to be gone (SIGTERM, SIGKILL if it lingers), so nothing outlives a cancel.
    const cancel = (): void => {
      cancelled = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS).unref();
    };
    const boltUri = await new Promise<string>((resolveReady, rejectReady) => {
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        rejectReady(new Error(`embedded Neo4j did not report ready within ${timeoutMs} ms`));
      }, timeoutMs);
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^ready (bolt:\/\/\S+)$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveReady(match[1]);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        rejectReady(new Error(`could not run java for the embedded Neo4j: ${error.message}`));
      });
      void exit.then((code) => {
        clearTimeout(timer);
        if (cancelled) return rejectReady(new Error('embedded Neo4j start was cancelled'));
        const detail = stderrLines.slice(-5).join('\n');
        rejectReady(
          new Error(`embedded Neo4j exited with code ${code} before it was ready${detail ? `:\n${detail}` : ''}`),
        );
      });
      if (options.signal?.aborted) cancel();
      else options.signal?.addEventListener('abort', cancel, { once: true });
    }).finally(() => options.signal?.removeEventListener('abort', cancel));
    return new EmbeddedNeo4j(child, boltUri, exit);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves with the exit code when the JVM exits for any reason. */
  get exited(): Promise<number | null> {
    return this.exitPromise;
  }

  /** The signal that ended the JVM (e.g. SIGKILL), once it has exited because of one. */
  get exitSignal(): NodeJS.Signals | null {
    return this.child.signalCode;
  }

  /** True while stop() has been asked for (an exit then is expected, not a crash). */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** Shuts the DBMS down cleanly (SIGTERM runs Neo4j's shutdown hook); SIGKILL after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.stopping = true;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    this.child.kill('SIGTERM');
    await this.exitPromise;
    clearTimeout(killer);
  }
}

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', 'java') : 'java';
}
