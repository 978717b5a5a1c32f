import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';
import { LIVE_PATH } from './live-upgrade';

/**
 * For the HTTP endpoint: a subscription sent as a GET or POST is refused before it runs, with where to send it.
 * graphql-js would execute it as a query, whose root field has no event to resolve (an internal error).
 */
export const subscriptionsOverWebSocketRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return;
    context.reportError(
      new GraphQLError(
        `Subscriptions are served over WebSocket: connect to ${LIVE_PATH} with the graphql-transport-ws protocol (graphql-ws), not over HTTP.`,
        { nodes: [operation] },
      ),
    );
  },
});
