import { createLogger, type Logger, type LogLevel } from '../../src/platform/observability/logger';

/** One parsed log line. */
export type LogLine = Record<string, unknown> & { level: string; msg: string };

export interface CapturedLogs {
  /** A logger like the service's (same redaction, JSON lines), writing into `lines` and `raw`. */
  readonly logger: Logger;
  /** Every line so far, parsed. */
  readonly lines: LogLine[];
  /** Every line so far, exactly as written. */
  readonly raw: string[];
  /** The lines with this `event`. */
  events(event: string): LogLine[];
}

/** A logger whose output a test reads back (JSON, as `npm start` writes it to a pipe). */
export function captureLogs(level: LogLevel = 'trace'): CapturedLogs {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    level,
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  });
  return { logger, lines, raw, events: (event) => lines.filter((line) => line.event === event) };
}

/** What tests that do not read the log get: errors only, on stderr, as a failing test's clue. */
export function testLogger(): Logger {
  return createLogger({ level: 'error', destination: { write: (line: string) => void process.stderr.write(line) } });
}
