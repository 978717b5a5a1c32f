import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../core/errors';
import type { Logger } from '../observability/logger';
import { isMasked, unavailableMessage } from '../graphql/format-error';

import { REQUEST_ID_HEADER, requestIdFrom } from '../http/request-id';

export { REQUEST_ID_HEADER, requestIdFrom } from '../http/request-id';

/**
 * Gives every GraphQL request an id — the caller's `x-request-id` when sane, else a new UUID — returned in the
 * `x-request-id` response header. Errors the service masks (INTERNAL_SERVER_ERROR) are logged once here, at
 * error level with that id and their stack (`err.stack`), and the masked error carries the id as
 * `extensions.requestId`, so a user's report finds the log line. A database outage (SERVICE_UNAVAILABLE:
 * down, not answering, refusing the service's login) is the operator's to see: one error line per request,
 * its reason without a stack. Client errors are not logged here (the access line lists their codes).
 */
export function requestIdPlugin(logger: Logger): ApolloServerPlugin {
  return {
    requestDidStart({ request, contextValue }) {
      // The context already chose the id (audit entries carry it); the header is the fallback for other contexts.
      const chosen = (contextValue as { requestId?: unknown }).requestId;
      const requestId =
        typeof chosen === 'string' ? chosen : requestIdFrom(request.http?.headers.get(REQUEST_ID_HEADER));
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors.filter(isMasked)) {
            const cause = error.originalError ?? error;
            logger.error({ event: 'error.masked', requestId, err: cause }, `internal error: ${cause.message}`);
          }
          const unavailable = errors.map(unavailableMessage).find((message) => message !== undefined);
          if (unavailable !== undefined) {
            logger.error({ event: 'database.unavailable', requestId }, unavailable);
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          response.http.headers.set(REQUEST_ID_HEADER, requestId);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
              withRequestId(error, requestId),
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  if (error.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) return error;
  return { ...error, extensions: { ...error.extensions, requestId } };
}
