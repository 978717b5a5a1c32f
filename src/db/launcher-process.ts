import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../core/project-root';

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
 * run uses too): G1, with both JIT compilers. The client compiler alone (-XX:TieredStopAtLevel=1) halved a cold
 * restart on two loaded cores, but cost 2.4–2.8× Neo4j's CPU per request once warm (docs/operators.md); the
 * standby (standby-neo4j.ts) takes a restart's cold start away instead. Read at each start, not when this module
 * loads: the production image runs against an external Neo4j and has no neo4j/ folder.
 */
const LAUNCHER_JVM_OPTIONS_FILE = join(PROJECT_ROOT, 'neo4j', 'jvm-options.json');

/** How long a cancelled start waits for SIGTERM before it kills the JVM. */
const CANCEL_GRACE_MS = 10_000;

function readJvmOptions(path: string): readonly string[] {
  const options: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(options) || !options.every((option) => typeof option === 'string' && option.startsWith('-XX:'))) {
    throw new Error(`${path} must be a list of -XX: options`);
  }
  return options as string[];
}

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? join(home, 'bin', 'java') : 'java';
}

export interface LaunchOptions {
  readonly heapMb: number;
  /** The jar to run; tests and the compiled service resolve it differently. */
  readonly jar?: string;
  /** Where the launcher's stderr lines go (the service's logger; a command's own stderr). */
  readonly log: (line: string) => void;
}

/**
 * One launcher JVM (neo4j/) as a child process: its stdout read line by line, so a caller can wait for the line
 * that says a step is done (`ready bolt://…`, `standby bolt://…`), its stderr sent to the log, and its stdin kept
 * open, since its end tells the JVM to exit.
 */
export class LauncherProcess {
  private readonly lines: string[] = [];
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly stderrLines: string[] = [];
  readonly exit: Promise<number | null>;
  private cancelled = false;

  private constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      this.lines.push(line);
      for (const listener of this.lineListeners) listener(line);
    });
    this.exit = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  }

  /**
   * Runs the launcher with `args` after the JVM's own options, and writes `stdinLines` first (the credentials:
   * never arguments, which other local users can read in `ps`).
   */
  static spawn(options: LaunchOptions, args: readonly string[], stdinLines: readonly string[]): LauncherProcess {
    const jar = options.jar ?? LAUNCHER_JAR;
    const classArchive = jar === LAUNCHER_JAR && existsSync(LAUNCHER_CLASS_ARCHIVE) ? [LAUNCHER_CLASS_ARCHIVE] : [];
    const jvmArgs = [
      `-Xmx${options.heapMb}m`,
      ...readJvmOptions(LAUNCHER_JVM_OPTIONS_FILE),
      ...classArchive.map((archive) => `-XX:SharedArchiveFile=${archive}`),
      '-jar',
      jar,
      ...args,
    ];
    // A process group of its own: a terminal's Ctrl-C (SIGINT to the foreground group) reaches the service alone,
    // which stops the database in order after its requests, rather than the JVM closing the service's connections
    // under it at the same moment. A parent that dies without stopping it still ends it: stdin closes.
    const child = spawn(javaExecutable(), jvmArgs, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    // A JVM that dies at once breaks the pipe; its exit is reported by the wait, so the write error adds nothing.
    child.stdin?.on('error', () => undefined);
    const launched = new LauncherProcess(child);
    createInterface({ input: child.stderr }).on('line', (line) => {
      launched.stderrLines.push(line);
      options.log(line);
    });
    launched.write(stdinLines);
    return launched;
  }

  write(stdinLines: readonly string[]): void {
    this.child.stdin?.write(stdinLines.map((line) => `${line}\n`).join(''));
  }

  /**
   * The first group of the first stdout line matching `pattern`, once it comes. Rejects when the JVM exits
   * first (with its last stderr lines), after `timeoutMs` (the JVM is then stopped), or when `signal` aborts
   * (SIGTERM, SIGKILL if it lingers, so nothing outlives a cancel).
   */
  awaitLine(pattern: RegExp, what: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    let done = (): void => undefined;
    const cancel = (): void => {
      this.cancelled = true;
      this.child.kill('SIGTERM');
      setTimeout(() => this.child.kill('SIGKILL'), CANCEL_GRACE_MS).unref();
    };
    return new Promise<string>((resolveLine, rejectLine) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGTERM');
        rejectLine(new Error(`embedded Neo4j did not report ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onLine = (line: string): void => {
        const match = pattern.exec(line);
        if (match?.[1] === undefined) return;
        clearTimeout(timer);
        resolveLine(match[1]);
      };
      this.lineListeners.add(onLine);
      done = () => {
        clearTimeout(timer);
        this.lineListeners.delete(onLine);
        signal?.removeEventListener('abort', cancel);
      };
      for (const line of this.lines) onLine(line);
      this.child.once('error', (error) => {
        clearTimeout(timer);
        rejectLine(new Error(`could not run java for the embedded Neo4j: ${error.message}`));
      });
      void this.exit.then((code) => {
        clearTimeout(timer);
        if (this.cancelled) return rejectLine(new Error('embedded Neo4j start was cancelled'));
        const detail = this.stderrLines.slice(-5).join('\n');
        rejectLine(
          new Error(
            `embedded Neo4j exited with code ${code} before it reported ${what}${detail ? `:\n${detail}` : ''}`,
          ),
        );
      });
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    }).finally(() => done());
  }

  /** Ends the JVM cleanly (SIGTERM runs Neo4j's shutdown hook); SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    this.child.kill('SIGTERM');
    await this.exit;
    clearTimeout(killer);
  }
}
