import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../read/request-context';
import { requestHooksPlugin } from './request-hooks.plugin';

/**
 * Adds `extensions.cypher = { queries, dbMs }` to every single-result response, so callers and tests see how
 * many Cypher statements a request cost. Off in production (it reveals internals and costs nothing to drop).
 */
export function costReportPlugin(): ApolloServerPlugin<RequestContext> {
  return requestHooksPlugin({
    willSendResponse({ response, contextValue }) {
      if (response.body.kind === 'single') {
        // A new result rather than `extensions` added to Apollo's: Apollo builds that one as `{ ...result, errors }`,
        // and on Node 20 an object from a leading spread gets a hidden class of its own, so adding a property
        // to it makes yet another (about 1 µs a response; see src/graph/map-node.ts). Object.assign, not a
        // spread followed by `cypher`, for the same reason.
        const { errors, data, extensions } = response.body.singleResult;
        response.body.singleResult = {
          errors,
          data,
          extensions: Object.assign({}, extensions, { cypher: contextValue.counter.snapshot() }),
        };
      }
      return Promise.resolve();
    },
  });
}
