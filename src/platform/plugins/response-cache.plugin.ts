import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RequestContext } from '../../read/request-context';
import type { DataVersion } from '../service/data-version';

/**
 * Whole answers of repeated reads served from memory, through Apollo's response-cache plugin (which never
 * stores mutations or answers with errors, and keeps an answer only as long as its cache hints allow:
 * CACHE_MAX_AGE_SECONDS, 0 = nothing is kept). Besides the query, operation name and variables (the
 * plugin's own key), the key holds:
 *
 * - the data version: a reload or any write changes it (`dataVersionAfterWritesPlugin` re-reads it before a
 *   mutation's answer is sent), so an answer from before the change is never found again and ages out of
 *   the LRU;
 * - who asks: role, departments and subject of the token, so an answer shaped by one viewer's rights is
 *   never handed to another (anonymous viewers all share one entry).
 *
 * Memory is bounded by the LRU's size in bytes (`maxBytes`, the serialized answers).
 */
export function responseCache(
  dataVersion: Pick<DataVersion, 'current'>,
  maxBytes: number,
): ApolloServerPlugin<RequestContext> {
  return responseCachePlugin<RequestContext>({
    cache: new InMemoryLRUCache<string>({ maxSize: maxBytes }),
    extraCacheKeyData: ({ contextValue }: GraphQLRequestContext<RequestContext>) =>
      Promise.resolve({
        dataVersion: dataVersion.current(),
        role: contextValue.viewer.role,
        departments: [...contextValue.viewer.departments].sort(),
        subject: contextValue.viewer.subject,
      }),
  });
}
