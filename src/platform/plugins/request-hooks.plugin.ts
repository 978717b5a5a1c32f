import type { BaseContext, GraphQLRequestListener } from '@apollo/server';
import { SAME_LISTENER, type SameListenerPlugin } from './plugin-group';

/**
 * A plugin made only of per-request hooks (`willSendResponse` …), with nothing to set up per request: every
 * request gets the same hooks, so they keep no state of their own (what they need comes with each call). The
 * plugin group takes them once (SAME_LISTENER) rather than asking at each request.
 */
export function requestHooksPlugin<TContext extends BaseContext>(
  hooks: GraphQLRequestListener<TContext>,
): SameListenerPlugin<TContext> {
  return { requestDidStart: () => Promise.resolve(hooks), [SAME_LISTENER]: hooks };
}
