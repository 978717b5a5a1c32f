import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { formatError } from '../graphql/format-error';
import type { GraphSizes } from '../../read/graph-sizes';
import { nestingDepth, nestingRefusal } from '../plugins/nesting-limit.plugin';
import { queryLimitRules, queryParseOptions, type QueryLimits } from '../graphql/query-limits';
import { subscriptionRootVariableRefusal } from './subscription-root-variables';
import { operationNotTrusted, type TrustedDocuments } from '../graphql/trusted-documents/trusted-documents';

/** What a client asked for in a `subscribe` message. */
export interface SubscriptionRequest {
  readonly query: string;
  readonly operationName?: string | null;
  /** `persistedQuery.sha256Hash` here must name the query sent, when TRUSTED_DOCUMENTS is set. */
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

/** A document checked like an HTTP request, and its one operation a subscription. */
export interface CheckedSubscription {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
}

/**
 * Checks a document sent over WebSocket as Apollo checks one sent over HTTP: its nesting before parsing
 * (QUERY_MAX_NESTING), the token limit while parsing (QUERY_MAX_TOKENS), graphql-js's rules and the service's
 * query limits (depth, aliases, directives, root fields, cost). Only subscriptions run over WebSocket: queries
 * and mutations go to /graphql over HTTP, where the response cache, the request budgets, the audit and the
 * access log apply. Refusals are the errors the client receives, worded and coded as over HTTP. With
 * TRUSTED_DOCUMENTS (`trustedDocuments`), a document the manifest does not list is refused first, unparsed.
 */
export function checkSubscription(
  schema: GraphQLSchema,
  limits: QueryLimits,
  graphSizes: GraphSizes,
  request: SubscriptionRequest,
  trustedDocuments?: TrustedDocuments,
): CheckedSubscription | readonly GraphQLError[] {
  if (trustedDocuments !== undefined) {
    const admission = trustedDocuments.admit(request);
    if (admission.kind === 'refused') return [publicError(operationNotTrusted(admission.reason))];
  }
  if (nestingDepth(request.query, limits.maxNesting) > limits.maxNesting) {
    return [publicError(nestingRefusal(limits.maxNesting))];
  }
  let document: DocumentNode;
  try {
    document = parse(request.query, queryParseOptions(limits));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return [publicError(withCode(error, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED))];
  }
  // Before graphql-js's rules, one of which throws on such a document (see subscriptionRootVariableRefusal).
  const rootVariables = subscriptionRootVariableRefusal(schema, document);
  if (rootVariables !== undefined) return [publicError(rootVariables)];
  const invalid = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits, graphSizes)]);
  if (invalid.length > 0) {
    return invalid.map((error) => publicError(withCode(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED)));
  }
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) {
    return [
      publicError(
        new GraphQLError(
          operationName === undefined
            ? 'The document has several operations: name the one to run (operationName).'
            : `The document has no operation named ${operationName}.`,
          { extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
        ),
      ),
    ];
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [
      publicError(
        new GraphQLError(
          `Only subscriptions run over WebSocket; send this ${operation.operation} to /graphql over HTTP (GET or POST).`,
          { nodes: [operation], extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
        ),
      ),
    ];
  }
  return { document, operationName };
}

/** The error's own code when it has one (a query limit's QUERY_TOO_COMPLEX), else `code`. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions.code === 'string') return error;
  return new GraphQLError(error.message, {
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** As the HTTP endpoint words it (the service's formatError), without the HTTP status Apollo would strip. */
function publicError(error: GraphQLError): GraphQLError {
  const formatted = formatError(error.toJSON(), error);
  const extensions = { ...formatted.extensions };
  delete extensions.http;
  return new GraphQLError(formatted.message, { source: error.source, positions: error.positions, extensions });
}
