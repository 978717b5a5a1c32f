import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../core/errors';
import { clientTextOrNull } from '../observability/client-text';
import type { RequestContext } from '../../read/request-context';
import type { Logger } from '../observability/logger';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';

/** How Apollo starts its own line about such an error (without the request's id, and with its text whole). */
const APOLLO_UNEXPECTED_LINE = 'Unexpected error processing request: ';

/**
 * What happens when a plugin's hook throws where Apollo has no answer for it (requestDidStart, parsing,
 * validation, executionDidStart, willSendResponse …): Apollo answers 500 INTERNAL_SERVER_ERROR and skips the
 * hooks that would have logged and counted the request. This plugin logs the error once, at error level with
 * the request's id and its stack, counts it in the metrics under its code (INTERNAL_SERVER_ERROR), and puts the
 * code on the access line. Errors inside execution and didResolveOperation are answered through the normal
 * path (logged by requestIdPlugin, counted by metricsPlugin), so they never reach here: each error is logged
 * and counted once.
 */
export function unexpectedErrorPlugin(
  logger: Logger,
  metrics: ServiceMetrics | undefined,
): ApolloServerPlugin<RequestContext> {
  return {
    unexpectedErrorProcessingRequest({ requestContext, error }) {
      const { contextValue, request } = requestContext;
      // The context may not exist yet (a hook of requestDidStart threw before Apollo copied it): no id then.
      const requestId = typeof contextValue.requestId === 'string' ? contextValue.requestId : undefined;
      logger.error({ event: 'error.unexpected', requestId, err: error }, `internal error: ${error.message}`);
      metrics?.errors.inc({ code: ErrorCode.INTERNAL_SERVER_ERROR });
      if (contextValue.access !== undefined && request.http !== undefined) {
        contextValue.access.graphql = {
          operationName: clientTextOrNull(request.operationName),
          operationType: requestContext.operation?.operation ?? null,
          errorCodes: [ErrorCode.INTERNAL_SERVER_ERROR],
          ...countsOf(contextValue),
          cacheHit: false,
          user: clientTextOrNull(contextValue.viewer?.subject),
        };
      }
      return Promise.resolve();
    },
  };
}

/** The statements and database time of the request so far (the counter is absent when the context is). */
function countsOf(contextValue: Partial<RequestContext>): { statements: number; dbMs: number } {
  const counted = contextValue.counter?.snapshot();
  return { statements: counted?.queries ?? 0, dbMs: counted?.dbMs ?? 0 };
}

/** What Apollo Server's `logger` option takes (@apollo/utils.logger's interface). */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * Apollo's logger, on the service's: Apollo's own line about an unexpected error is left out, as
 * unexpectedErrorPlugin has already logged that error with the request's id (once, not twice; Apollo's line
 * also carried the error's text whole, which may quote the client's document).
 */
export function apolloLogger(logger: Logger): ApolloLogger {
  const apollo = logger.child({ component: 'apollo' });
  return {
    debug: (message) => passOn(apollo, 'debug', message),
    info: (message) => passOn(apollo, 'info', message),
    warn: (message) => passOn(apollo, 'warn', message),
    error: (message) => {
      if (typeof message === 'string' && message.startsWith(APOLLO_UNEXPECTED_LINE)) return;
      passOn(apollo, 'error', message);
    },
  };
}

/** A message as pino takes it: an Error (or object) keeps its fields and stack, anything else becomes text. */
function passOn(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error', message: unknown): void {
  if (typeof message === 'object' && message !== null) logger[level](message);
  else logger[level](String(message));
}
