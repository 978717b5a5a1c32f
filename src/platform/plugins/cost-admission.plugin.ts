import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { ServiceBusyError } from '../../core/errors';
import type { OperationCosts } from '../graphql/limits/operation-costs';
import type { CostSlots } from '../service/cost-slots';
import type { RequestContext } from '../../read/request-context';
import { requestHooksPlugin } from './request-hooks.plugin';

/**
 * Admission by cost (docs/operators.md "Overload"): once the operation is known, it waits until its estimated
 * cost fits in the work in flight (cost-slots.ts), for REQUEST_QUEUE_MS at most, then is refused with
 * SERVICE_BUSY (503, Retry-After) before anything runs; it holds its share until its answer is sent. The
 * request slots before it (request-admission.ts) bound how many requests are held at all; this bounds how
 * much work runs at once, so wide operations queue or are turned away instead of all timing out together.
 *
 * An operation the cost rule did not estimate (none should reach here) counts as the largest one allowed.
 * Subscriptions are not admitted here: they run over WebSocket, under the live server's own limits.
 */
export function costAdmissionPlugin(
  slots: CostSlots,
  costs: OperationCosts,
  maxCost: number,
): ApolloServerPlugin<RequestContext> {
  const held = new WeakMap<RequestContext, () => void>();
  return requestHooksPlugin<RequestContext>({
    async didResolveOperation({ document, operation, contextValue }) {
      if (operation === undefined || operation.operation === OperationTypeNode.SUBSCRIPTION) return;
      const cost = costs.of(document, operation.name?.value) ?? maxCost;
      const release = await slots.enter(cost);
      if (release === undefined) {
        throw new ServiceBusyError(
          `The service is running as much work as it can at once and this operation (estimated cost ${cost}) did not fit within ${slots.maxWaitMs} ms; retry after a moment, or ask for less (smaller \`first\`, fewer fields).`,
        );
      }
      held.set(contextValue, release);
    },
    willSendResponse({ contextValue }) {
      held.get(contextValue)?.();
      held.delete(contextValue);
      return Promise.resolve();
    },
  });
}
