import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind, OperationTypeNode, type FormattedExecutionResult, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../../read/request-context';
import { ErrorCode } from '../../core/errors';
import { clientKey } from '../http/client-address';
import { QUERY_LIMIT_RULES } from '../graphql/limits/too-complex';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';

/**
 * The `limit` an error names (`extensions.limit`, the variable that sets it) when a query limit refused the
 * request; RESPONSE_TOO_LARGE errors count under MAX_RESPONSE_BYTES. Anything else is not a limit label.
 */
const LIMIT_LABELS: ReadonlySet<string> = new Set([
  ...Object.keys(QUERY_LIMIT_RULES),
  'QUERY_MAX_NESTING',
  'QUERY_MAX_TOKENS',
  'MAX_RESPONSE_BYTES',
]);

/** Error codes are a closed set after formatError; a code of another shape would be a bug, not a new label. */
const CODE_SHAPE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * Records every GraphQL request (export pages included, which run as operations too) into the metrics once
 * its answer is final: duration by operation and outcome, error codes, limit refusals, statements run,
 * response-cache hits and misses, and records written. Last in the plugin list, so it sees the answer as sent
 * (the size cap's replacement, formatted errors).
 */
export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse(requestContext) {
          record(metrics, requestContext, (performance.now() - started) / 1000);
          return Promise.resolve();
        },
      });
    },
  };
}

function record(
  metrics: ServiceMetrics,
  requestContext: GraphQLRequestContextWillSendResponse<RequestContext>,
  seconds: number,
): void {
  const { response, operation, contextValue } = requestContext;
  const result: FormattedExecutionResult | undefined =
    response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
  const errors = result?.errors ?? [];
  for (const error of errors) {
    const code = error.extensions?.code;
    metrics.errors.inc({ code: typeof code === 'string' && CODE_SHAPE.test(code) ? code : 'OTHER' });
    const limit = code === ErrorCode.RESPONSE_TOO_LARGE ? 'MAX_RESPONSE_BYTES' : error.extensions?.limit;
    if (typeof limit === 'string' && LIMIT_LABELS.has(limit)) metrics.limitRefusals.inc({ limit });
  }
  const outcome = errors.length === 0 ? 'ok' : result?.data ? 'partial' : 'error';
  // Only a validated operation (`operation` is set once the document validated and named one of its own) may
  // bring a new name into the labels, within its client's share (see OperationLabels); an export's pages are
  // the service's own operations.
  const client = contextValue.access === undefined ? undefined : clientKey(contextValue.access.clientAddress);
  const label = metrics.operations.labelFor(operation !== undefined, operation?.name?.value, { client });
  metrics.requestDuration.observe({ operation: label, outcome }, seconds);
  metrics.statementsPerRequest.observe(contextValue.counter.queries);

  // Set by the response-cache plugin on every query it looked up; undefined when the cache is off.
  const cacheHit = requestContext.metrics.responseCacheHit;
  if (operation?.operation === OperationTypeNode.QUERY && cacheHit !== undefined) {
    metrics.responseCache.inc({ result: cacheHit ? 'hit' : 'miss' });
  }
  if (operation?.operation === OperationTypeNode.MUTATION && result?.data) {
    // A mutation field answered with a value committed its write (a refused one answers null with an error).
    // Keyed by answer key: a field selected twice under one key (fragments) ran once.
    const fields = new Map(rootFields(operation.selectionSet, requestContext.document).map((f) => [f.responseKey, f]));
    for (const field of fields.values()) {
      if (result.data[field.responseKey] != null) metrics.recordsWritten.inc({ mutation: field.name });
    }
  }
}

/** The root fields of an operation with the key each answers under, fragments followed. */
function rootFields(
  selectionSet: SelectionSetNode,
  document: GraphQLRequestContextWillSendResponse<RequestContext>['document'],
): { name: string; responseKey: string }[] {
  return selectionSet.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return [{ name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value }];
      case Kind.INLINE_FRAGMENT:
        return rootFields(selection.selectionSet, document);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = document?.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document) : [];
      }
    }
  });
}
