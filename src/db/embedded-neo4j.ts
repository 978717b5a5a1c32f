import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { createInterface } from 'node:readline';

/** The launcher jar built by `npm run neo4j:build` (scripts/neo4j-build.js). */
export const LAUNCHER_JAR = join(PROJECT_ROOT, 'neo4j', 'target', 'embedded-neo4j.jar');

export interface EmbeddedNeo4jOptions {
  readonly port: number;
  readonly dataDirectory: string;
  readonly heapMb: number;
  readonly pageCacheMb: number;
  /** Optional password; without one, authentication is off (loopback only). */
  readonly password?: string;
  /** How long to wait for the "ready" line. */
  readonly startTimeoutMs?: number;
  /** Where the launcher's stderr goes (default: this process's stderr). */
  readonly log?: (line: string) => void;
  /** The jar to run; tests and the compiled service resolve it differently. */
  readonly jar?: string;
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
    mkdirSync(options.dataDirectory, { recursive: true });
    const args = [
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      '-jar',
      options.jar ?? LAUNCHER_JAR,
      `--home=${options.dataDirectory}`,
      `--port=${options.port}`,
      `--page-cache-mb=${options.pageCacheMb}`,
      '--exit-on-stdin-close',
    ];
    if (options.password) args.push(`--password=${options.password}`);
    const child = spawn(javaExecutable(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const log = options.log ?? ((line: string) => process.stderr.write(`[neo4j] ${line}\n`));
    const stderrLines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderrLines.push(line);
      log(line);
    });
    const exit = new Promise<number | null>((resolveExit) => {
      child.once('exit', (code) => resolveExit(code));
    });

    const timeoutMs = options.startTimeoutMs ?? 180_000;
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
        const detail = stderrLines.slice(-5).join('\n');
        rejectReady(
          new Error(`embedded Neo4j exited with code ${code} before it was ready${detail ? `:\n${detail}` : ''}`),
        );
      });
    });
    return new EmbeddedNeo4j(child, boltUri, exit);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves with the exit code when the JVM exits for any reason. */
  get exited(): Promise<number | null> {
    return this.exitPromise;
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
