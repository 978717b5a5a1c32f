import type { ApolloServerPlugin } from '@apollo/server';
import { trace, type Span, type Tracer } from '@opentelemetry/api';
import { markFailed } from '../observability/tracing/failed-span';
import type { RunningExecutions } from '../observability/tracing/running-executions';

/** The GraphQL semantic conventions' attributes (not yet stable, so named here rather than imported). */
export const GRAPHQL_ATTRIBUTES = {
  operationName: 'graphql.operation.name',
  operationType: 'graphql.operation.type',
  /** How many errors validation reported (their messages stay out: they can quote the document). */
  validationErrors: 'graphql.validation.error_count',
} as const;

/**
 * Spans of the phases Apollo runs for one operation: `graphql.parse`, `graphql.validate` and
 * `graphql.execute`, children of the span the request runs in. Parse and validate appear only when Apollo
 * has not parsed the same document before (it keeps parsed, validated documents); an answer from the
 * response cache has no execute span. The document and its variables are not recorded.
 */
export function graphqlPhaseSpansPlugin(tracer: Tracer, executions: RunningExecutions): ApolloServerPlugin {
  return {
    requestDidStart() {
      const runningIn = trace.getActiveSpan();
      let executing: Span | undefined;
      return Promise.resolve({
        parsingDidStart() {
          const span = tracer.startSpan('graphql.parse');
          return Promise.resolve((error?: Error) => endPhase(span, error));
        },
        validationDidStart() {
          const span = tracer.startSpan('graphql.validate');
          return Promise.resolve((errors?: readonly Error[]) => {
            if (errors !== undefined && errors.length > 0) {
              span.setAttribute(GRAPHQL_ATTRIBUTES.validationErrors, errors.length);
              markFailed(span, errors[0]);
            }
            span.end();
            return Promise.resolve();
          });
        },
        // Errors of resolvers (a refused write, a timed-out statement) leave execution itself successful.
        didEncounterErrors({ errors }) {
          if (executing !== undefined && errors[0] !== undefined) markFailed(executing, errors[0]);
          return Promise.resolve();
        },
        executionDidStart({ operation, operationName }) {
          const span = tracer.startSpan('graphql.execute', {
            attributes: {
              ...(operation ? { [GRAPHQL_ATTRIBUTES.operationType]: operation.operation } : {}),
              ...(operationName ? { [GRAPHQL_ATTRIBUTES.operationName]: operationName } : {}),
            },
          });
          executing = span;
          executions.started(runningIn, span);
          return Promise.resolve({
            executionDidEnd(error?: Error) {
              executing = undefined;
              executions.ended(runningIn);
              return endPhase(span, error);
            },
          });
        },
      });
    },
  };
}

function endPhase(span: Span, error: Error | undefined): Promise<void> {
  if (error !== undefined) markFailed(span, error);
  span.end();
  return Promise.resolve();
}
