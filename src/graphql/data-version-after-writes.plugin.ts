import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { DataVersion } from '../service/data-version';

/**
 * Re-reads the data version after every mutation, before its answer is sent: a client that writes and then
 * reads again (with `If-None-Match`, or through a cache keyed by the version) must never get an answer from
 * before its write. A failed re-read keeps the old version and is retried at the next recheck.
 */
export function dataVersionAfterWritesPlugin<TContext extends BaseContext>(
  dataVersion: DataVersion,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ operation }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          await dataVersion.refresh().catch(() => undefined);
        },
      });
    },
  };
}
