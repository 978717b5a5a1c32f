import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, parse, type GraphQLSchema, type ParseOptions } from 'graphql';
import { subscriptionRootVariableRefusal } from '../live/subscription-root-variables';

/** Parsed and validated in place of a refused document; it never executes. */
const STAND_IN_DOCUMENT = '{ __typename }';

/** Only a document with this word can hold a subscription; any other is not parsed twice. */
const MAY_HOLD_A_SUBSCRIPTION = /\bsubscription\b/;

/**
 * For the HTTP endpoint: a subscription whose root field depends on a variable is refused with a validation
 * error (HTTP 400), where graphql-js's own rule would throw inside Apollo's validation (an HTTP 500; see
 * subscriptionRootVariableRefusal). Apollo runs graphql-js's rules before any of ours and has no hook that can
 * answer before validation, so the document is checked when the request starts, swapped for a stand-in when
 * refused, and the refusal is raised at didResolveOperation, where Apollo sends a thrown GraphQLError as the
 * answer (as the nesting limit does). Runs after the nesting limit, which has already replaced a document
 * too deep to parse.
 */
export function subscriptionRootVariablesPlugin(schema: GraphQLSchema, parseOptions: ParseOptions): ApolloServerPlugin {
  return {
    requestDidStart({ request }) {
      const query = request.query;
      if (query === undefined || !MAY_HOLD_A_SUBSCRIPTION.test(query)) return Promise.resolve();
      let refusal: GraphQLError | undefined;
      try {
        refusal = subscriptionRootVariableRefusal(schema, parse(query, parseOptions));
      } catch {
        return Promise.resolve(); // a syntax error or too many tokens: Apollo's parse reports it
      }
      if (refusal === undefined) return Promise.resolve();
      request.query = STAND_IN_DOCUMENT;
      request.operationName = undefined;
      request.extensions = undefined; // a persisted-query hash would not match the stand-in
      const answer = new GraphQLError(refusal.message, {
        nodes: refusal.nodes,
        extensions: { ...refusal.extensions, http: { status: 400, headers: new HeaderMap() } },
      });
      return Promise.resolve({ didResolveOperation: () => Promise.reject(answer) });
    },
  };
}
