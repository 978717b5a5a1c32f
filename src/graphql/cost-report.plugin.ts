import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../read/request-context';
import { requestHooksPlugin } from './request-hooks-plugin';

/**
 * Adds `extensions.cypher = { queries, dbMs }` to every single-result response, so callers and tests see how
 * many Cypher statements a request cost. Off in production (it reveals internals and costs nothing to drop).
 */
export function costReportPlugin(): ApolloServerPlugin<RequestContext> {
  return requestHooksPlugin({
    willSendResponse({ response, contextValue }) {
      if (response.body.kind === 'single') {
        // Object.assign, not a spread followed by `cypher`: see src/common/map-node.ts on Node 20's hidden classes.
        response.body.singleResult.extensions = Object.assign({}, response.body.singleResult.extensions, {
          cypher: contextValue.counter.snapshot(),
        });
      }
      return Promise.resolve();
    },
  });
}
