import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { CloseCode, makeServer, type Server as GraphQLWsServer } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { Authenticate } from '../auth/authenticator';
import type { Viewer } from '../../core/viewer';
import type { GraphSizes } from '../../read/graph-sizes';
import type { QueryLimits } from '../graphql/query-limits';
import type { DataVersionFeed } from './data-version-feed';
import type { LiveContext } from './live-context';
import { closeReason } from './live-text';
import { checkSubscription } from './subscription-operation';
import { connectionLanguage } from './connection-language';
import { formatError } from '../graphql/format-error';
import type { Logger } from '../observability/logger';
import { ErrorCode } from '../../core/errors';
import { errorIn } from '../http/localized-errors';
import type { MessageLanguage } from '../http/message-language';
import type { TrustedDocuments } from '../graphql/trusted-documents/trusted-documents';

/** Subscriptions one connection may run at once (the dashboard runs one; the IDE one per tab). */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 16;

/** What graphql-ws keeps for each connection beside its context. */
export interface ConnectionExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  /** The id the connection's log lines carry (live.open, live.close), so a fault's line finds its connection. */
  readonly connectionId: string;
  /** Set once `connection_init` is accepted. */
  viewer: Viewer;
  /** The language of the connection's error messages, set once `connection_init` is accepted (connection-language.ts). */
  language: MessageLanguage;
}

export interface LiveGraphQLOptions {
  readonly schema: GraphQLSchema;
  readonly queryLimits: QueryLimits;
  readonly graphSizes: GraphSizes;
  /** The HTTP endpoint's token check; every connection is anonymous when absent. */
  readonly authenticate?: Authenticate;
  /** A connection that has not sent `connection_init` within this many ms is closed (4408). */
  readonly initTimeoutMs: number;
  /** TRUSTED_DOCUMENTS: only listed subscriptions run; any document when absent. */
  readonly trustedDocuments?: TrustedDocuments;
  /** Where a fault of the service met by a subscription is logged, as over HTTP (request-id.plugin.ts). */
  readonly log: Logger;
}

/**
 * The graphql-transport-ws protocol (graphql-ws) over one connection: `connection_init` checked by the bearer
 * token rule of HTTP, each subscription by the query limits, at most MAX_SUBSCRIPTIONS_PER_CONNECTION at once.
 */
export function liveGraphQLServer(
  options: LiveGraphQLOptions,
  feed: DataVersionFeed,
): GraphQLWsServer<ConnectionExtra> {
  return makeServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema: options.schema,
    connectionInitWaitTimeout: options.initTimeoutMs,
    onConnect: async ({ connectionParams, extra }) => {
      const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
      if (authorization !== undefined && typeof authorization !== 'string') {
        extra.socket.close(CloseCode.BadRequest, 'connection_init payload.authorization must be "Bearer <token>"');
        return false;
      }
      const language = connectionLanguage(extra.request, connectionParams);
      if (typeof language !== 'string') {
        extra.socket.close(CloseCode.BadRequest, language.refused);
        return false;
      }
      extra.language = language;
      if (options.authenticate === undefined) return true;
      try {
        extra.viewer = await options.authenticate(authorization);
        return true;
      } catch (error) {
        // The token rule of HTTP, told as a close reason: UNAUTHENTICATED's message says what was wrong.
        const message = error instanceof Error ? error.message : 'the token could not be verified';
        extra.socket.close(
          CloseCode.Forbidden,
          closeReason(
            authorization === undefined
              ? 'Sign-in needed: send { "authorization": "Bearer <token>" } in connection_init (ANONYMOUS_READ=false)'
              : `Unauthenticated: ${message}`,
          ),
        );
        return false;
      }
    },
    onSubscribe: (context, _id, payload) => {
      // graphql-ws has already reserved this subscription's id among the connection's subscriptions.
      if (Object.keys(context.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
        return [
          new GraphQLError(
            `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions run on one connection; complete one first.`,
            { extensions: { code: ApolloServerErrorCode.BAD_REQUEST } },
          ),
        ];
      }
      const checked = checkSubscription(
        options.schema,
        options.queryLimits,
        options.graphSizes,
        payload,
        options.trustedDocuments,
      );
      if (!('document' in checked)) return checked;
      const contextValue: LiveContext = { viewer: context.extra.viewer, dataVersionFeed: feed };
      return {
        schema: options.schema,
        document: checked.document,
        operationName: checked.operationName,
        variableValues: payload.variables ?? undefined,
        contextValue,
      };
    },
    // A refused subscription (the checks above, graphql-js's own) and one whose stream failed.
    onError: (context, id, _payload, errors) =>
      errors.map((error) => answeredError(error, { extra: context.extra, subscriptionId: id, log: options.log })),
    // A result with errors: a variable's value refused before the subscription starts, or a field's error.
    onNext: (context, id, _payload, _args, result) =>
      result.errors === undefined
        ? undefined
        : {
            ...result,
            errors: result.errors.map((error) =>
              answeredError(isVariableRefusal(error, result) ? asBadUserInput(error) : error, {
                extra: context.extra,
                subscriptionId: id,
                log: options.log,
              }),
            ),
          },
  });
}

/** Where an answered error was met: its connection and subscription, and the log for the service's faults. */
interface ErrorSite {
  readonly extra: ConnectionExtra;
  readonly subscriptionId: string;
  readonly log: Logger;
}

/**
 * An error as the client receives it over WebSocket, as over HTTP: worded and coded by formatError (which keeps
 * an error the subscriptions' checks formatted already as it is, and masks a fault of the service, whatever code
 * it carries), then in the connection's language (localized-errors.ts). A masked fault is logged once, at error
 * level with its stack, under a new request id that the client's error carries as `extensions.requestId` (a
 * subscription has no response header to carry it); a database outage gets its one line without a stack.
 */
function answeredError(error: GraphQLError, site: ErrorSite): GraphQLFormattedError {
  const formatted = formatError(error.toJSON(), error);
  const answered = errorIn(formatted, site.extra.language);
  const where = { connectionId: site.extra.connectionId, subscriptionId: site.subscriptionId };
  const code = formatted.extensions?.code;
  if (code === ErrorCode.SERVICE_UNAVAILABLE)
    site.log.error({ event: 'database.unavailable', ...where }, formatted.message);
  if (code !== ErrorCode.INTERNAL_SERVER_ERROR) return answered;
  const requestId = randomUUID();
  const cause = error.originalError ?? error;
  site.log.error({ event: 'error.masked', requestId, ...where, err: cause }, `internal error: ${cause.message}`);
  return { ...answered, extensions: { ...answered.extensions, requestId } };
}

/**
 * graphql-js answers a variable whose value does not fit its type with a result without data, before anything
 * runs, and an error without a path (a field's error, even the subscription's own, has one); Apollo codes it
 * BAD_USER_INPUT over HTTP.
 */
function isVariableRefusal(error: GraphQLError, result: { readonly data?: unknown }): boolean {
  return !('data' in result) && error.path === undefined;
}

function asBadUserInput(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: ApolloServerErrorCode.BAD_USER_INPUT },
  });
}
