import { GraphQLError } from 'graphql';

/**
 * The closed set of error codes clients can rely on (`extensions.code`). Anything else that escapes a
 * resolver is masked as INTERNAL_SERVER_ERROR by the server's error formatter, with details only in the log.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /**
   * Not produced yet: reads answer an unknown id with null (`node`, `measure` …) or, where an id is an
   * argument that must exist (`paths`), BAD_USER_INPUT naming it. Kept in the closed set because clients
   * may already branch on it and writes will use it for unknown ids.
   */
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Refused before running: over a depth, cost, alias, directive or root-field limit (the message names it). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The caller asked for something malformed or ambiguous; the message says what and how to fix it. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
  }
}

/** The database cannot be reached; the client may retry later. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor(cause: string) {
    super(`The graph database is unavailable (${cause}); try again shortly.`, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    });
  }
}

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when an error already carries one of the public codes and may be shown to the client as is. */
export function hasPublicCode(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}
