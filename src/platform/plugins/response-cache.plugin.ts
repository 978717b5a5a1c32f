import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { RequestContext } from '../../read/request-context';
import type { DataVersion } from '../service/data-version';
import type { MemoryGuard } from '../service/memory-guard';

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
 * Memory is bounded by the LRU's size in bytes (`maxBytes`): each serialized answer counted as the heap holds
 * it, one byte a character when every character fits in one (Latin-1), two otherwise (any Japanese). The cache
 * is emptied when the service runs short of memory (`guard`).
 */
export function responseCache(
  dataVersion: Pick<DataVersion, 'current'>,
  maxBytes: number,
  guard?: Pick<MemoryGuard, 'onShed'>,
): ApolloServerPlugin<RequestContext> {
  const cache = new InMemoryLRUCache<string>({ maxSize: maxBytes, sizeCalculation: heapBytesOf });
  guard?.onShed(() => cache.clear());
  return responseCachePlugin<RequestContext>({
    cache,
    extraCacheKeyData: ({ contextValue }: GraphQLRequestContext<RequestContext>) =>
      Promise.resolve({
        dataVersion: dataVersion.current(),
        role: contextValue.viewer.role,
        departments: [...contextValue.viewer.departments].sort(),
        subject: contextValue.viewer.subject,
      }),
  });
}

/** The bytes V8 keeps a string's characters in: one each when all are Latin-1, else two. */
function heapBytesOf(text: string): number {
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : Math.max(1, text.length);
}
