import { ApolloServerErrorCode, ApolloServerValidationErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, hasPublicCode } from '../../core/errors';
import { translate } from '../../db/graph-gateway';
import { describeArgumentValidation } from './validation-message';
import { withShortQuotes } from '../../core/quoted-input';

/** Apollo's own codes for requests that are the caller's doing, kept as Apollo documents them. */
const APOLLO_CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ApolloServerValidationErrorCode),
]);

/**
 * Every `extensions.code` an answer formatted here can carry: the service's public codes (ErrorCode, which
 * holds INTERNAL_SERVER_ERROR and BAD_USER_INPUT, and the codes the HTTP front answers with before GraphQL:
 * RATE_LIMITED, HOST_NOT_ALLOWED) and Apollo's client codes (BAD_REQUEST among them), as `formatError` lets
 * them through.
 * The Japanese messages (japanese-messages.ts) are a table keyed by this union, so a code added to either
 * source without its message does not compile.
 */
export type FormattedErrorCode = ErrorCode | `${ApolloServerErrorCode}` | `${ApolloServerValidationErrorCode}`;

/** The same codes as a list, for what walks them all (the tests of the messages). */
export const FORMATTED_ERROR_CODES: readonly FormattedErrorCode[] = [
  ...new Set<FormattedErrorCode>([
    ...Object.values(ErrorCode),
    ...(APOLLO_CLIENT_CODES as ReadonlySet<FormattedErrorCode>),
  ]),
];

/** graphql-js's message when a document exceeds `maxTokens` (QUERY_MAX_TOKENS; 16.x spells it "more that"). */
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/**
 * graphql-js refuses an argument's value only while executing when a variable supplies it: a nullable
 * variable may stand where a non-null argument has a default, and its `null` is caught at the field, as a
 * GraphQLError with no code (wrapped once more with the field's path). It is the caller's doing, like any
 * other bad argument.
 */
const ARGUMENT_COERCION_MESSAGE = /^Argument "[^"]+" (?:of non-null type "[^"]+" must not be null|has invalid value)/;

/**
 * What the client sees of an error. Apollo's client codes (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_USER_INPUT, PERSISTED_QUERY_NOT_FOUND, BAD_REQUEST …) pass unchanged; ours (QUERY_TOO_COMPLEX, NOT_FOUND,
 * SERVICE_UNAVAILABLE …) are restored where Apollo wrapped them (a validation rule's refusal arrives as
 * GRAPHQL_VALIDATION_FAILED); anything else is masked as INTERNAL_SERVER_ERROR. Nothing is logged here: the
 * request-id plugin logs masked errors once, with the id the client receives.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return withShortQuotesIn(formattedFor(formatted, error));
}

function formattedFor(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrappedError = unwrapped(error);
  const original =
    (unwrappedError instanceof GraphQLError ? describeArgumentValidation(unwrappedError) : null) ??
    translate(unwrappedError);
  if (
    original instanceof GraphQLError &&
    hasPublicCode(original) &&
    original.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR
  ) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: withoutHttp(original.extensions),
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) return withTokenLimitAdvice(formatted);
  if (hasPublicCode(formatted) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  if (isArgumentCoercion(unwrappedError)) {
    return { ...formatted, extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT } };
  }
  if (isRefusedRequest(error)) {
    return { message: formatted.message, extensions: { code: ApolloServerErrorCode.BAD_REQUEST } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** True when `formatError` masks this error: a fault of the service, to be logged with its stack. */
export function isMasked(error: GraphQLError): boolean {
  return formatError(error.toJSON(), error).extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR;
}

/** The message the client sees when this error reports the database unavailable (e.g. its login refused). */
export function unavailableMessage(error: GraphQLError): string | undefined {
  const formatted = formatError(error.toJSON(), error);
  return formatted.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE ? formatted.message : undefined;
}

/** The error Apollo or graphql-js wrapped (a resolver's throw, a validation rule's report), else the error. */
function unwrapped(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

function isArgumentCoercion(error: unknown): boolean {
  return (
    error instanceof GraphQLError && error.originalError === undefined && ARGUMENT_COERCION_MESSAGE.test(error.message)
  );
}

/**
 * Apollo refuses some requests with a plain GraphQLError carrying an HTTP 4xx status but no code (a persisted
 * query whose sha256 does not match its text, an unsupported persisted-query version): they are the
 * caller's doing, so they get Apollo's code for malformed requests, BAD_REQUEST.
 */
function isRefusedRequest(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * graphql-js's token-limit message names neither the variable nor a way out; add both, once (an error formatted
 * already, as the subscriptions' checks make them, carries the limit).
 */
function withTokenLimitAdvice(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (!match || formatted.extensions?.limit === 'QUERY_MAX_TOKENS') return formatted;
  return {
    ...formatted,
    message: `${formatted.message} The limit is ${match[1]} tokens (QUERY_MAX_TOKENS): send a shorter document — fewer fields and aliases, long values as variables.`,
    extensions: { ...formatted.extensions, limit: 'QUERY_MAX_TOKENS', max: Number(match[1]) },
  };
}

/**
 * The answer with every quoted value cut to a short prefix, in the message and in the extensions' texts: the
 * service's own errors quote through quotedInput already, and graphql-js's and class-validator's quote what
 * they were given whole ("Variable "$s" got invalid value "…"" repeated a 40,000-character value).
 */
function withShortQuotesIn(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = withShortQuotes(formatted.message);
  const extensions = formatted.extensions === undefined ? undefined : shortQuotesInValue(formatted.extensions, 0);
  if (message === formatted.message && extensions === formatted.extensions) return formatted;
  return {
    ...formatted,
    message,
    ...(extensions === undefined ? {} : { extensions: extensions as Record<string, unknown> }),
  };
}

/** How deep extensions are walked: ours nest two levels (violations, lookup). */
const EXTENSION_DEPTH = 4;

function shortQuotesInValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return withShortQuotes(value);
  if (value === null || typeof value !== 'object' || depth >= EXTENSION_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => shortQuotesInValue(item, depth + 1));
    return items.every((item, at) => item === value[at]) ? value : items;
  }
  // Only plain records (a Headers map in `http` and the like are left as they are).
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shortQuotesInValue(item, depth + 1)] as const);
  const record = value as Record<string, unknown>;
  return entries.every(([key, item]) => item === record[key]) ? value : Object.fromEntries(entries);
}

/** An error's extensions without `http` (the status and headers Apollo answers with, not for the client). */
function withoutHttp(extensions: GraphQLError['extensions']): Record<string, unknown> {
  if (!('http' in extensions)) return extensions;
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => key !== 'http'));
}
