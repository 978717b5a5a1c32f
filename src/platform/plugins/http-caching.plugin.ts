import { createHash, hash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, printSchema } from 'graphql';
import { PACKAGE_INFO } from '../../core/package-info';
import { requestHooksPlugin } from './request-hooks.plugin';
import type { DataVersion } from '../service/data-version';

/**
 * HTTP caching of reads, on top of the cache policy (cache-policy.plugin.ts, which sets `Cache-Control: max-age=…,
 * public` on answers without errors, and `no-store` on the rest; that policy also tells the response cache
 * how long it may keep an answer):
 *
 * - browsers and proxies get `Cache-Control: no-cache` instead of the `max-age`: they keep the answer but
 *   ask again every time, with `If-None-Match`. Another instance's write must show within a second (docs/operators.md
 *   "Deploy"); a `max-age` would let a browser show its copy from before the write for that long,
 *   while a revalidation costs one small request answered 304 from the response cache;
 * - an `ETag` on every successful query answer, derived from the data version, the schema and the request
 *   (operation, operation name, variables, and `Accept`, which chooses between `application/json` and
 *   `application/graphql-response+json`: a cache must not hand one media type to a client that asked for the
 *   other). The same question over the same data gets the same tag, so a browser's or proxy's
 *   `If-None-Match` is answered 304 by Express (its conditional-GET check in `res.send`). Weak (`W/`), since
 *   gzip, brotli and identity bodies are equivalent, not byte-equal (the server adds `Vary: Accept`, and the
 *   compression middleware `Vary: Accept-Encoding`);
 * - requests that carry credentials (`Authorization`, `Cookie`) are cacheable only privately, so no shared
 *   cache ever hands one user's answer to another once such requests mean something.
 */
export function httpCachingPlugin<TContext extends object>(dataVersion: DataVersion): ApolloServerPlugin<TContext> {
  let schemaFingerprint = '';
  return {
    serverWillStart({ schema }) {
      // The same data through a changed schema or service version may answer differently.
      schemaFingerprint = createHash('sha256').update(PACKAGE_INFO.version).update(printSchema(schema)).digest('hex');
      return Promise.resolve();
    },
    // The same hooks for every request: they keep nothing of their own (see requestHooksPlugin).
    ...requestHooksPlugin<TContext>({
      willSendResponse({ request, response, operation, queryHash }) {
        const cacheControl = response.http.headers.get('cache-control') ?? '';
        const cacheable = /^max-age=[1-9]/.test(cacheControl);
        // Rewritten here rather than hinted before execution: the cache policy plugin (as Apollo's
        // cache-control plugin) keeps a policy someone restricted early as it is.
        const headers = request.http?.headers;
        if (cacheable) {
          const credentials = headers?.has('authorization') === true || headers?.has('cookie') === true;
          const scope = credentials || /\bprivate\b/.test(cacheControl) ? 'private' : 'public';
          response.http.headers.set('cache-control', `no-cache, ${scope}`);
        }
        if (
          response.body.kind !== 'single' ||
          response.body.singleResult.errors !== undefined ||
          operation?.operation !== OperationTypeNode.QUERY ||
          !cacheable
        ) {
          return Promise.resolve();
        }
        const version = dataVersion.current();
        // One-shot `hash` of the joined parts (the same digest as feeding them one by one): a Hash object and
        // its eleven updates cost two and a half times as much (1.7 against 0.7 µs), on every answer.
        const requestDigest = hash(
          'sha256',
          [
            schemaFingerprint,
            version,
            queryHash ?? request.query ?? '',
            request.operationName ?? '',
            JSON.stringify(request.variables ?? {}),
            headers?.get('accept') ?? '',
          ].join('\0'),
          'base64url',
        ).slice(0, 22);
        response.http.headers.set('etag', `W/"${version.slice(0, 12)}-${requestDigest}"`);
        return Promise.resolve();
      },
    }),
  };
}
