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
  /**
   * Every database connection is in use, or the service is short of memory (MEMORY_LIMIT_MB); nothing is wrong
   * with the database, so a retry soon should succeed.
   */
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
  /**
   * A write whose COMMIT was sent but whose outcome could not be learnt (the database did not answer in time, or
   * the connection broke while committing): it may or may not be stored. `extensions.lookup` names what to read
   * to find out; a request sent with an Idempotency-Key can simply be sent again with the same key.
   */
  WRITE_OUTCOME_UNKNOWN: 'WRITE_OUTCOME_UNKNOWN',
  /** An Idempotency-Key header that is malformed, or on a request it cannot cover (HTTP 400). */
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  /** An Idempotency-Key already used by the same editor for another request (HTTP 422); nothing was written. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running (HTTP 409); retry after `retryAfterSeconds`. */
  IDEMPOTENCY_KEY_IN_USE: 'IDEMPOTENCY_KEY_IN_USE',
  /** The client sent more requests in the window than RATE_LIMIT_REQUESTS (HTTP 429, with Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * With TRUSTED_DOCUMENTS set: the request's document is not in the manifest, or its id and text disagree (HTTP
   * 400, before anything is parsed or run). Send a listed operation by its id or its exact text.
   */
  OPERATION_NOT_TRUSTED: 'OPERATION_NOT_TRUSTED',
  /** A request for a host name the service does not answer to (ALLOWED_HOSTS; HTTP 421, before any route). */
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
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
  constructor(message = 'The service is busy: every database connection is in use; retry in a moment.') {
    super(message, {
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

/** What a client reads to learn whether a write whose outcome is unknown was stored. */
export interface WriteLookup {
  /** The record the write would have created or changed (`indicator-result:5-1-1:2024:r3`). */
  readonly recordId: string;
  /** Its indicator or reform sheet, and fiscal year. */
  readonly subjectId: string;
  readonly fiscalYear: number;
  /** The revision the write would have made. */
  readonly revision: number;
  /** The request's id, which the write's audit entry carries (`changes(filter: { target })` lists it). */
  readonly requestId: string;
  /** The request's Idempotency-Key, when it had one: the same request with the same key answers the outcome. */
  readonly idempotencyKey?: string;
}

/**
 * The COMMIT of a write was sent and no outcome came back (see ErrorCode.WRITE_OUTCOME_UNKNOWN). Raised by the
 * database gateway without `lookup`; the code that knows what was written adds it (`naming`).
 */
export class WriteOutcomeUnknownError extends GraphQLError {
  constructor(
    readonly reason: string,
    readonly lookup?: WriteLookup,
  ) {
    super(writeOutcomeMessage(reason, lookup), {
      extensions: {
        code: ErrorCode.WRITE_OUTCOME_UNKNOWN,
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
        ...(lookup === undefined ? {} : { lookup: { ...lookup } }),
      },
    });
  }

  /** The same outcome, naming the record to look up. */
  naming(lookup: WriteLookup): WriteOutcomeUnknownError {
    return new WriteOutcomeUnknownError(this.reason, lookup);
  }
}

function writeOutcomeMessage(cause: string, lookup: WriteLookup | undefined): string {
  const head = `The write was sent to the database to commit, but its outcome is unknown (${cause}): it may or may not be stored.`;
  if (lookup === undefined) return `${head} Read the data again before writing it again.`;
  const again =
    lookup.idempotencyKey === undefined
      ? `Once the database answers, read record ${lookup.recordId} (its audit entry carries request id ${lookup.requestId}) before recording again.`
      : `Send the same request again with the same Idempotency-Key: it answers what was stored, or records it now if nothing was.`;
  return `${head} It would be ${lookup.recordId}: revision ${lookup.revision} of ${lookup.subjectId} for ${lookup.fiscalYear}. ${again}`;
}

/** How long a client is told to wait (Retry-After) after the database did not answer. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * An Idempotency-Key that cannot be used as sent; the message says what is wrong with it. The HTTP status of
 * this and the two below (400, 422, 409) is set from their codes (src/platform/plugins/error-http-head.plugin.ts).
 */
export class IdempotencyKeyInvalidError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_INVALID } });
  }
}

/** The editor used this key before for a different request; nothing was written. */
export class IdempotencyKeyReusedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.IDEMPOTENCY_KEY_REUSED } });
  }
}

/** The first request with this key has not finished; the client retries after `retryAfterSeconds`. */
export class IdempotencyKeyInUseError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, {
      extensions: { code: ErrorCode.IDEMPOTENCY_KEY_IN_USE, retryAfterSeconds },
    });
  }
}

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** True when an error already carries one of the public codes and may be shown to the client as is. */
export function hasPublicCode(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}
