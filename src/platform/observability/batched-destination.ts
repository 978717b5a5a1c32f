import type { DestinationStream } from 'pino';

/** Where a batch goes: a synchronous writer that finishes what it is given (pino's SonicBoom with `sync: true`). */
export interface SynchronousWriter {
  write(text: string): unknown;
}

/** How long a line may wait for the lines after it, so that they share one write. */
export const LINE_DELAY_MS = 10;

/** Pending text from which the lines are written at once, without waiting: a burst holds no more than this. */
const MAX_PENDING_CHARS = 64 * 1024;

/**
 * Log lines gathered for a few milliseconds (`LINE_DELAY_MS`) and written together, synchronously; at once
 * when they reach `MAX_PENDING_CHARS`, and when the process exits.
 *
 * Why: one `write` system call per line was the largest single cost of a request after the database call,
 * and with stdout a pipe read by a log collector each write also wakes the reader. Writing each turn of the
 * event loop's lines together (the previous rule) shared a write only when several requests ended in one
 * turn, which one client at a time never does: every request still paid a write of its own, about a tenth of
 * a `{ __typename }` request's CPU. Within 10 ms, a client at a time shares a write with the requests of those
 * milliseconds, and a line reaches the log collector at most that much later.
 *
 * Nothing is lost at exit: `process.exit`, a signal the service handles (it ends in `process.exit`) and an
 * uncaught exception all emit `exit`, whose listener writes what is pending before the process ends. Only a
 * kill that runs no code (SIGKILL, the kernel's out-of-memory killer) loses lines: those of the last 10 ms,
 * where a line-by-line writer lost none. A line is never reordered.
 */
export class BatchedDestination implements DestinationStream {
  private pending: string[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly target: SynchronousWriter,
    private readonly delayMs = LINE_DELAY_MS,
  ) {
    process.on('exit', this.flushSync);
  }

  write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= MAX_PENDING_CHARS) this.flushSync();
    else if (this.timer === undefined) {
      // Unreferenced: a pending line never keeps the process alive, the exit listener writes it.
      this.timer = setTimeout(this.flushSync, this.delayMs).unref();
    }
  }

  /** Writes what is pending now (pino's `logger.flush()` calls `flush`; exit and the timer call this). */
  readonly flushSync = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.target.write(text);
  };

  flush(done?: (error?: Error) => void): void {
    this.flushSync();
    done?.();
  }

  /** Stops writing at exit (tests that make many destinations in one process). */
  close(): void {
    this.flushSync();
    process.removeListener('exit', this.flushSync);
  }
}
