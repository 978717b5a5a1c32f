import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';

/**
 * A plugin made only of per-request hooks (`willSendResponse` …), with nothing to set up per request: every
 * request gets the same hooks, so they keep no state of their own (what they need comes with each call).
 */
export function requestHooksPlugin<TContext extends BaseContext>(
  hooks: GraphQLRequestListener<TContext>,
): ApolloServerPlugin<TContext> {
  return { requestDidStart: () => Promise.resolve(hooks) };
}
