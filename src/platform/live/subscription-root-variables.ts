import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  SingleFieldSubscriptionsRule,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * The refusal of a subscription whose root fields depend on a variable (`@include(if: $v)` or `@skip(if: $v)`
 * at its root), or undefined for any other document.
 *
 * graphql-js's single-root-field rule (graphql 16) collects a subscription's root fields while validating,
 * before any variable has a value, and throws where a root directive reads one ("… was not provided a runtime
 * value") instead of reporting a validation error; uncaught, that throw was an HTTP 500 and closed a
 * WebSocket with 4500. graphql-js 17 and the GraphQL specification's current draft refuse root `@skip` and
 * `@include` on subscriptions outright; here only the case graphql 16 cannot judge is refused (a literal
 * condition still works), as a validation error, so it is a 400 over HTTP and an error for that one
 * subscription over WebSocket. Cheap: only documents with a subscription run the rule again.
 */
export function subscriptionRootVariableRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
): GraphQLError | undefined {
  const subscriptions = document.definitions.filter(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION,
  );
  if (subscriptions.length === 0) return undefined;
  try {
    validate(schema, document, [SingleFieldSubscriptionsRule]);
    return undefined;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return new GraphQLError(
      'A subscription must not choose its root field with a variable: @include or @skip at its root reads a ' +
        `variable (${error.message.split('\n')[0]}). Write the condition as a literal, or subscribe to the field ` +
        'without the directive.',
      { nodes: error.nodes, extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED } },
    );
  }
}
