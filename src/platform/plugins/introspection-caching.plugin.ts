import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { requestHooksPlugin } from './request-hooks.plugin';

/** The root fields every GraphQL schema answers from its own definition, never from the data. */
const META_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type', '__typename']);

/**
 * Makes an operation that asks only about the schema (the IDE's first request, ≈ 170 KiB before
 * compression, and every client's code generator) cacheable like other reads: a cache policy with a
 * `max-age` (browsers are told `no-cache` and revalidate, see httpCachingPlugin), the ETag of the data version
 * and the response cache. The cache policy (cache-policy.plugin.ts, as Apollo's cache-control plugin) gives
 * such an operation none, because meta fields resolve no field of the schema, so it was `no-store`.
 * Operations that also read data keep the hints of their data fields.
 */
export function introspectionCachingPlugin<TContext extends object>(
  maxAgeSeconds: number,
): ApolloServerPlugin<TContext> {
  return requestHooksPlugin({
    didResolveOperation({ operation, overallCachePolicy }) {
      if (maxAgeSeconds > 0 && operation !== undefined && asksOnlyAboutTheSchema(operation)) {
        overallCachePolicy.replace({ maxAge: maxAgeSeconds, scope: 'PUBLIC' });
      }
      return Promise.resolve();
    },
  });
}

function asksOnlyAboutTheSchema(operation: OperationDefinitionNode): boolean {
  // Fragments at the root are not looked into: such an operation simply stays uncached.
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && META_FIELDS.has(selection.name.value),
  );
}
