import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  isCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
} from 'graphql';
// The function execution itself uses to collect the root fields (graphql 16; see
// src/read/prefetch/selection-plan.ts): what it returns is exactly what will be resolved.
import { collectFields } from 'graphql/execution/collectFields';
import { requestHooksPlugin } from './request-hooks.plugin';

/**
 * The answer's cache policy, as Apollo's cache-control plugin computes it for this schema, without a hook
 * on every field.
 *
 * Apollo's plugin works out a hint per resolved field (from `@cacheControl` on the schema and hints resolvers
 * set) in a `willResolveField` hook, and Apollo wraps every field resolver of the schema to call it: an
 * object, two cache look-ups and a callback per field of every answer, most of the service's own time on
 * wide answers. This schema declares no `@cacheControl` (checked at start: a hint fails it, so nobody adds
 * one that would silently do nothing) and no resolver sets a hint, so that computation always ends the same
 * way: an operation that resolves any root field gets `defaultMaxAge`, public; one that resolves none
 * (only meta fields, or every root field skipped) gets no policy. This plugin decides that once per
 * request, before execution, from the root fields execution will resolve (graphql-js's own collection,
 * `@skip`/`@include` applied), and sets the header as Apollo's plugin does: `max-age=<n>, public` on a
 * cacheable answer without errors, `no-store` otherwise. A policy restricted earlier (the introspection
 * caching plugin) is kept, as Apollo's plugin keeps it. The server installs it in place of Apollo's.
 */
export function cachePolicyPlugin<TContext extends object>(defaultMaxAge: number): ApolloServerPlugin<TContext> {
  const known = new WeakMap<OperationDefinitionNode, boolean>();
  return {
    serverWillStart({ schema }) {
      const hinted = cacheControlHints(schema);
      if (hinted.length > 0) {
        throw new Error(
          `@cacheControl on ${hinted.join(', ')}: the cache policy plugin (src/platform/plugins/cache-policy.plugin.ts) ignores hints; use Apollo's plugin`,
        );
      }
      return Promise.resolve();
    },
    // The same hooks for every request: they keep nothing of their own (see requestHooksPlugin).
    ...requestHooksPlugin<TContext>({
      executionDidStart({ schema, operation, document, request, overallCachePolicy }) {
        // No operation was chosen (several in the document and no operationName, or a name none has): Apollo
        // answers OPERATION_RESOLUTION_FAILURE (400) right after this hook, and nothing resolves.
        if (operation === undefined) return Promise.resolve();
        const restricted = overallCachePolicy.maxAge !== undefined || overallCachePolicy.scope !== undefined;
        if (!restricted && rootFieldsResolve(known, schema, operation, document.definitions, request.variables)) {
          overallCachePolicy.restrict({ maxAge: defaultMaxAge });
        }
        return Promise.resolve();
      },
      willSendResponse({ response, overallCachePolicy }) {
        const policy = overallCachePolicy.policyIfCacheable();
        const existing = response.http.headers.get('cache-control');
        // Another plugin's header wins, as with Apollo's plugin (which only narrows a parsable one).
        if (existing) return Promise.resolve();
        if (policy && response.body.kind === 'single' && !response.body.singleResult.errors) {
          response.http.headers.set('cache-control', `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`);
        } else {
          response.http.headers.set('cache-control', 'no-store');
        }
        return Promise.resolve();
      },
    }),
  };
}

/**
 * `resolvesARootField`, remembered in `known` for an operation without variables: Apollo keeps a parsed
 * document for its text, so the same question asked again is the same node, and its answer cannot change
 * (only variables, through @include and @skip, could change what resolves).
 */
function rootFieldsResolve(
  known: WeakMap<OperationDefinitionNode, boolean>,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  definitions: readonly { readonly kind: string }[],
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if ((operation.variableDefinitions?.length ?? 0) > 0) {
    return resolvesARootField(schema, operation, definitions, variables);
  }
  let resolves = known.get(operation);
  if (resolves === undefined) {
    resolves = resolvesARootField(schema, operation, definitions, undefined);
    known.set(operation, resolves);
  }
  return resolves;
}

/** Whether executing the operation resolves at least one field of the schema at its root. */
function resolvesARootField(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  definitions: readonly { readonly kind: string }[],
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  const root = schema.getRootType(operation.operation);
  if (!root) return false;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Variables that do not coerce stop the request before any field resolves.
  if (coerced.errors) return false;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of definitions) {
    if (definition.kind === 'FragmentDefinition') {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  const fields = collectFields(schema, fragments, coerced.coerced, root, operation.selectionSet);
  return [...fields.keys()].some((key) => {
    const name = fields.get(key)?.[0]?.name.value;
    return name !== undefined && !name.startsWith('__');
  });
}

/** Types and fields of the schema that carry a `@cacheControl` directive. */
function cacheControlHints(schema: GraphQLSchema): string[] {
  const hinted = (directives: readonly { readonly name: { readonly value: string } }[] | undefined): boolean =>
    directives?.some((directive) => directive.name.value === 'cacheControl') ?? false;
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (hinted(type.astNode?.directives)) found.push(type.name);
    if (!isCompositeType(type) || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (hinted(field.astNode?.directives)) found.push(`${type.name}.${field.name}`);
    }
  }
  return found;
}
