import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import { escapeControlCharacters } from './client-text';
import { BatchedDestination } from './batched-destination';
import type { LogLevel } from '../../core/config';

/** The service's logger: pino's, so Apollo (its `logger` option) and every module take the same one. */
export type Logger = PinoLogger;

// The level's type belongs to the configuration (config.ts reads LOG_LEVEL); callers may take it from here.
export type { LogLevel };

/**
 * Keys whose values never reach a log line, wherever a caller puts them: bearer tokens, cookies, passwords,
 * secrets. The request line names no header at all; this is the net under everything else (an error object
 * that carries a request's headers, a careless `log.info({ token })`).
 */
export const REDACTED_PATHS: readonly string[] = [
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  /**
   * Human-readable lines (pino-pretty) instead of JSON; `npm start` sets it when stdout is a terminal, so a
   * person watching sees readable text and a log collector reading a pipe or file gets one JSON object a line.
   */
  readonly pretty?: boolean;
  /**
   * Where lines go: when absent, stdout (a new `stdoutDestination()`, or line by line when pretty); tests give
   * a stream that keeps them (pretty or not).
   */
  readonly destination?: DestinationStream;
}

/**
 * The one logger of a process, made in the composition root and handed to whatever logs (no module keeps
 * one of its own, so a test can read every line by giving its own destination). Each line is one JSON object
 * with `level` (as a name, which log tools read without a mapping table), `time` (ISO 8601) and `msg`.
 *
 * Pretty output is pino-pretty used as a synchronous stream in this thread, not pino's worker-thread
 * transport: it only serves a person at a terminal, and written synchronously the last lines before an exit
 * (a failed start-up) are never lost in a worker's buffer.
 */
export function createLogger(options: LoggerOptions): Logger {
  // A person at a terminal sees each line as it is written; a collector reading JSON gets them per turn.
  const sink =
    options.destination ?? (options.pretty === true ? pino.destination({ dest: 1, sync: true }) : stdoutDestination());
  const destination =
    options.pretty === true
      ? pretty({
          destination: sink,
          sync: true,
          translateTime: 'SYS:HH:MM:ss.l',
          // `event` (startup, shutdown, …) groups lines for a collector; on a terminal it doubled every line.
          ignore: 'pid,event',
          // The message as JSON output has it, its line breaks and escape sequences made visible: no value in a
          // message can start a line of its own on the terminal (other fields are printed as JSON already).
          messageFormat: (log, messageKey) => escapeControlCharacters(messageText(log[messageKey])),
        })
      : sink;
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: isoTimeOncePerMillisecond(),
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[Redacted]' },
    },
    destination,
  );
}

/**
 * The process's standard output as loggers write to it: the lines of a few milliseconds in one synchronous
 * write, and what is pending at exit (see BatchedDestination). Make one per process and give it to
 * every logger of the process, so their lines keep their order.
 */
export function stdoutDestination(): BatchedDestination {
  return new BatchedDestination(pino.destination({ dest: 1, sync: true }));
}

/** A line's message as text: pino's is a string, but a caller may have logged another value in its place. */
function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  return message === undefined ? '' : (JSON.stringify(message) ?? '');
}

/**
 * pino's `isoTime` (`,"time":"<ISO 8601>"`), the text made once per millisecond: under load several lines
 * share one, and under a `{ __typename }` load `toISOString` was a third of pino's time on the access line.
 */
function isoTimeOncePerMillisecond(): () => string {
  let millisecond = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== millisecond) {
      millisecond = now;
      text = `,"time":"${new Date(now).toISOString()}"`;
    }
    return text;
  };
}

/** A logger that writes nothing, for callers that have nobody to tell (contexts built outside HTTP). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
