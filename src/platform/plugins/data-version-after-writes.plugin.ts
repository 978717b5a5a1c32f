import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { DataVersion } from '../service/data-version';
import { requestHooksPlugin } from './request-hooks.plugin';
import { succeedsWithin } from '../../core/succeeds-within';

/**
 * The re-read is waited for at least this long, also when the request's time is (nearly) up: a healthy
 * database answers it in a millisecond or two, and a write that finished close to its deadline keeps its cache.
 */
const LEAST_WAIT_MS = 100;

/** What the plugin reads of a request's context: how much of its time budget is left. */
interface BudgetedContext extends BaseContext {
  readonly budget: { remainingMs(): number };
}

/**
 * Re-reads the data version after every mutation, before its answer is sent: a client that writes and then
 * reads again (with `If-None-Match`, or through a cache keyed by the version) must never get an answer from
 * before its write. The re-read starts after the mutation's transaction committed (`DataVersion.refresh`
 * never hands out a read already under way). When it fails, or does not finish within the request's time
 * left (a database that stopped answering must not hold the answer past its budget), the version is made one
 * no cached answer or ETag carries until a read succeeds.
 */
export function dataVersionAfterWritesPlugin<TContext extends BudgetedContext>(
  dataVersion: DataVersion,
): ApolloServerPlugin<TContext> {
  return requestHooksPlugin<TContext>({
    async willSendResponse({ operation, contextValue }) {
      if (operation?.operation !== OperationTypeNode.MUTATION) return;
      const read = await succeedsWithin(
        dataVersion.refresh(),
        Math.max(LEAST_WAIT_MS, contextValue.budget.remainingMs()),
      );
      if (!read) dataVersion.forgetAfterFailedRead();
    },
  });
}
