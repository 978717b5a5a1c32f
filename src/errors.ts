import { GraphQLError } from 'graphql';

/**
 * The closed set of error codes clients can rely on (`extensions.code`). Anything else that escapes a
 * resolver is masked as INTERNAL_SERVER_ERROR by the server's error formatter, with details only in the log.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /**
   * An unknown indicator, sheet or record id in a mutation. Reads answer an unknown id with null (`node`,
   * `measure` …) or, where an id is an argument that must exist (`paths`), BAD_USER_INPUT naming it.
   */
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Every database connection is in use; nothing is wrong with the database, so a retry soon should succeed. */
  SERVICE_BUSY: 'SERVICE_BUSY',
  /** The request ran past its time budget (REQUEST_TIMEOUT_MS). */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The answer was larger than the response-size cap (MAX_RESPONSE_BYTES) and was not sent. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Refused before running: over a depth, cost, alias, directive or root-field limit (the message names it). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** No token where one is needed, or a token that is malformed, expired or wrongly signed. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid token whose role or departments do not allow this. */
  FORBIDDEN: 'FORBIDDEN',
  /** A write based on a revision that is no longer the latest (`expectedRevision`), or a repeated retraction. */
  CONFLICT: 'CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The caller asked for something malformed or ambiguous; the message says what and how to fix it. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...details } });
  }
}

/** The request's sign-in is missing or not valid (HTTP 401 when raised before execution). */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/** The viewer is signed in but may not do this (role or department). */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** The write is based on an outdated revision; read again and retry. */
export class ConflictError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...details } });
  }
}

/** A write names an id that does not exist. */
export class NotFoundError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND, ...details } });
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

/** Every database connection is taken by other work (the pool is exhausted); the client may retry shortly. */
export class ServiceBusyError extends GraphQLError {
  constructor() {
    super('The service is busy: every database connection is in use; retry in a moment.', {
      extensions: { code: ErrorCode.SERVICE_BUSY, retryable: true },
    });
  }
}

/** The request used up its time budget; the message names the budget and how to ask for less. */
export class RequestTimeoutError extends GraphQLError {
  constructor(readonly budgetMs: number) {
    super(
      `The request took longer than its time budget of ${budgetMs} ms (REQUEST_TIMEOUT_MS) and was stopped; ` +
        'ask for less in one request (fewer fields or aliases, smaller pages with `first`) or split it.',
      { extensions: { code: ErrorCode.REQUEST_TIMEOUT, budgetMs } },
    );
  }
}

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when an error already carries one of the public codes and may be shown to the client as is. */
export function hasPublicCode(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}
