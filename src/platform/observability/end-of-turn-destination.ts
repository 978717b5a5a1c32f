import type { DestinationStream } from 'pino';

/** Where a batch goes: a synchronous writer that finishes what it is given (pino's SonicBoom with `sync: true`). */
export interface SynchronousWriter {
  write(text: string): unknown;
}

/**
 * Log lines gathered during one turn of the event loop and written together, synchronously, at the end of
 * that turn (`setImmediate`), and at once when the process exits.
 *
 * Why: one `write` system call per line was the largest single cost of a request after the database call.
 * With stdout a pipe read by a log collector, each write also wakes the reader. Under load several requests
 * finish in one turn, and their lines now share one write. Measured on the search benchmark at 16 concurrent
 * clients, stdout piped to a reading process: 0.97 ms of service CPU per request with a write per line,
 * 0.88 batched, 0.86 with no access line at all.
 *
 * Nothing is lost at exit: `process.exit`, a signal the service handles (it ends in `process.exit`) and an
 * uncaught exception all emit `exit`, whose listener writes what is pending before the process ends. Only a
 * kill that runs no code (SIGKILL, the kernel's out-of-memory killer) loses lines: those of the turn under
 * way, where a line-by-line writer lost none. A line is at most one turn late, never reordered.
 */
export class EndOfTurnDestination implements DestinationStream {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly target: SynchronousWriter) {
    process.on('exit', this.flushSync);
  }

  write(line: string): void {
    this.pending.push(line);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushSync);
    }
  }

  /** Writes what is pending now (pino's `logger.flush()` calls `flush`; exit and the end of a turn call this). */
  readonly flushSync = (): void => {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
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
