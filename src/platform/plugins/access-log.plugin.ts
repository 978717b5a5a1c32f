import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { RequestContext } from '../../read/request-context';
import { requestHooksPlugin } from './request-hooks.plugin';
import { clientTextOrNull } from '../observability/client-text';

/**
 * Adds a GraphQL request's outcome to its HTTP access line (see accessLog): operation name and type, the
 * error codes of the answer as sent, the statements and database time of its QueryCounter, whether the
 * response cache served it, and the signed-in user's `sub`. Last among the plugins, so it sees the answer
 * the others settled on (a size cap's replacement, a cache hit).
 */
export function accessLogPlugin(): ApolloServerPlugin<RequestContext> {
  return requestHooksPlugin({
    willSendResponse({ contextValue, document, operation, request, response, metrics }) {
      const access = contextValue.access;
      // Operations run inside another request (an export's pages) have no HTTP request of their own.
      if (access === undefined || request.http === undefined) return Promise.resolve();
      const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
      const codes = errors.map((error) => {
        const code = error.extensions?.code;
        return typeof code === 'string' ? code : 'UNKNOWN';
      });
      const { queries, dbMs } = contextValue.counter.snapshot();
      // A document that parsed but failed validation still names its operation.
      const named = operation ?? (document ? getOperationAST(document, request.operationName) : null);
      access.graphql = {
        // Chosen by the client (up to the whole body's size): cut and escaped, as every client value logged.
        operationName: clientTextOrNull(named?.name?.value ?? request.operationName),
        operationType: named?.operation ?? null,
        errorCodes: [...new Set(codes)],
        statements: queries,
        dbMs,
        cacheHit: metrics.responseCacheHit === true,
        user: clientTextOrNull(contextValue.viewer.subject),
      };
      return Promise.resolve();
    },
  });
}
