/**
 * A line written at one level: structured fields (an `event`, an `err`) with a message, or a message alone.
 * The call shapes of pino's level methods that the service's code uses.
 */
export interface LogLine {
  (fields: object, message?: string): void;
  (message: string): void;
}

/**
 * What code below the platform writes log lines with: a request's logger (`ctx.log`) or a part's own. The
 * platform's pino logger is one (src/platform/observability/logger.ts); naming this narrow shape instead
 * keeps the layers below the platform from naming the platform's types.
 */
export interface Log {
  readonly debug: LogLine;
  readonly info: LogLine;
  readonly warn: LogLine;
  readonly error: LogLine;
}
