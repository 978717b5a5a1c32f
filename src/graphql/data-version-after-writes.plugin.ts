import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { DataVersion } from '../service/data-version';
import { requestHooksPlugin } from './request-hooks-plugin';

/**
 * Re-reads the data version after every mutation, before its answer is sent: a client that writes and then
 * reads again (with `If-None-Match`, or through a cache keyed by the version) must never get an answer from
 * before its write. The re-read starts after the mutation's transaction committed (`DataVersion.refresh`
 * never hands out a read already under way). When it fails, the version is made one no cached answer or ETag
 * carries until a read succeeds.
 */
export function dataVersionAfterWritesPlugin<TContext extends BaseContext>(
  dataVersion: DataVersion,
): ApolloServerPlugin<TContext> {
  return requestHooksPlugin({
    async willSendResponse({ operation }) {
      if (operation?.operation !== OperationTypeNode.MUTATION) return;
      await dataVersion.refresh().catch(() => dataVersion.forgetAfterFailedRead());
    },
  });
}
