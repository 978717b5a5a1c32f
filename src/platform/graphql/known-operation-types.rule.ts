import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses operation types the schema has no root for as a validation error (the service's schema has all three
 * since live updates; the rule keeps the answer right for a schema built without one). graphql-js 16 only notices at execution, where the error has no code and was masked
 * as INTERNAL_SERVER_ERROR; graphql-js 17 ships this rule as KnownOperationTypesRule.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (context.getSchema().getRootType(operation.operation)) return;
    context.reportError(
      new GraphQLError(
        `This API has no ${operation.operation} operations. Send a query ({ … } or query { … }) or a mutation.`,
        { nodes: [operation] },
      ),
    );
  },
});
