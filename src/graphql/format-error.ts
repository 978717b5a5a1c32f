import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, hasPublicCode } from '../errors';
import { translate } from '../db/graph-gateway';

/** Codes Apollo itself assigns to requests that never reached execution: all the caller's doing. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Keeps the public error codes closed: request problems become BAD_USER_INPUT (Apollo's own code kept as
 * `reason`), database outages SERVICE_UNAVAILABLE, and anything unexpected is masked as
 * INTERNAL_SERVER_ERROR with the details written to the log only.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      ...formatted,
      extensions: {
        ...formatted.extensions,
        code: ErrorCode.BAD_USER_INPUT,
        reason: formatted.extensions?.reason ?? code,
      },
    };
  }
  if (hasPublicCode(formatted) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  const original = translate(unwrapResolverError(error));
  if (
    original &&
    typeof original === 'object' &&
    'extensions' in original &&
    hasPublicCode(original as { extensions: Record<string, unknown> })
  ) {
    const publicError = original as { message: string; extensions: Record<string, unknown> };
    return {
      message: publicError.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: publicError.extensions,
    };
  }
  process.stderr.write(
    `internal error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}\n`,
  );
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
