import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import fresh from 'fresh';
import vary from 'vary';
import type { Step } from './middleware-chain';
import { answerIn, carriesErrors } from './localized-errors';
import { messageLanguageOf } from './message-language';
import { bodyOf, parseJsonBody, refuseDeclaredOversizedBody, refuseDeepJson } from './request-body';
import { arrivedPath, nameRoute } from './request-route';

/** Where GraphQL is served. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Whether a request is for the GraphQL endpoint: `/graphql`, with or without a trailing slash, in any
 * case, with any query string (the paths Express's route matched when the endpoint was one).
 */
export function isGraphQLRequest(request: IncomingMessage): boolean {
  const path = arrivedPath(request).toLowerCase();
  return path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`;
}

export interface GraphQLEndpointOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  /** The context of one request's operation. */
  readonly contextOf: (request: IncomingMessage) => Promise<TContext>;
  /** QUERY_MAX_NESTING: the deepest JSON a request's body and parameters may hold. */
  readonly maxNesting: number;
  /**
   * What a browser opening /graphql gets instead of GraphQL (the IDE's page, which web/ serves): a step that
   * answers the request or passes it on. Given by the composition root, so the platform knows no page.
   */
  readonly browserPage: Step;
  /** How GraphQL answers are compressed (see AnswerCompression). */
  readonly compression: AnswerCompression;
  /**
   * With TRUSTED_DOCUMENTS: the step that lets only listed documents on to Apollo (trusted-documents-step.ts),
   * after the body is read and its nesting checked; none when any document may run.
   */
  readonly admitDocuments?: Step;
}

/**
 * The compression middleware and the length from which it compresses. The endpoint runs the middleware on an
 * answer only once the answer's length is known to reach the threshold (or, for an answer sent in parts, at
 * its first part): below the threshold the middleware would send the body as it is, after patching the
 * response's write, end and header hooks, negotiating the encoding and looking the media type up, which was
 * about a tenth of what a `{ __typename }` request cost the service. `Vary: Accept-Encoding`, which the
 * middleware adds to every JSON answer, is set by the endpoint itself, so the headers are the same either way.
 */
export interface AnswerCompression {
  readonly step: Step;
  readonly thresholdBytes: number;
}

/**
 * The steps of /graphql after those every request goes through (the access line, the trace, CORS): a browser
 * gets its page (the GraphiQL IDE); a body over the limit or not JSON, or JSON nested too deep, is refused
 * before GraphQL runs; the rest goes to Apollo Server, whose answer is sent here.
 */
export function graphqlEndpoint<TContext extends BaseContext>(options: GraphQLEndpointOptions<TContext>): Step[] {
  return [
    (request, response, next) => {
      nameRoute(request, GRAPHQL_PATH);
      // An answer's media type follows the request's Accept (application/json or application/graphql-response+json),
      // and its encoding the Accept-Encoding (see AnswerCompression).
      vary(response, 'Accept, Accept-Encoding');
      next();
    },
    // A browser opening /graphql gets the GraphiQL IDE; its bundles come from /ide/, never from another host.
    options.browserPage,
    refuseDeclaredOversizedBody,
    parseJsonBody,
    refuseDeepJson(options.maxNesting),
    ...(options.admitDocuments ? [options.admitDocuments] : []),
    answerWithApollo(options.apollo, options.contextOf, options.compression),
  ];
}

/**
 * Runs the request through Apollo Server and sends its answer: what @as-integrations/express5 does, on
 * node's own request and response. Here, where every GraphQL answer passes whatever produced its errors
 * (Apollo's request checks, the context, the plugins, formatError), their messages take the request's
 * language. An answer sent in parts (@defer, not used by this service's clients) stays in English.
 */
function answerWithApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  contextOf: (request: IncomingMessage) => Promise<TContext>,
  compression: AnswerCompression,
): Step {
  return async (request, response) => {
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: graphQLRequestOf(request),
      context: () => contextOf(request),
    });
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      const text = answer.body.string;
      // Errors' messages follow the request's Accept-Language (localized-errors.ts); answers without them do not.
      if (!carriesErrors(text)) return sendBody(request, response, text, compression);
      vary(response, 'Accept-Language');
      sendBody(request, response, answerIn(text, messageLanguageOf(request)), compression);
      return;
    }
    // An answer in parts (incremental delivery) has no length to compare: it is compressed as it goes.
    compressFromHere(request, response, compression);
    const flushable = response as ServerResponse & { flush?: () => void };
    for await (const chunk of answer.body.asyncIterator) {
      response.write(chunk);
      flushable.flush?.();
    }
    response.end();
  };
}

function graphQLRequestOf(request: IncomingMessage): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    headers,
    search: query === -1 ? '' : url.slice(query),
    body: bodyOf(request),
  };
}

/**
 * A complete answer, as Express's `res.send` sent it: a GET or HEAD whose client holds the same version (its
 * `If-None-Match` matches the ETag, see http-caching.plugin.ts) gets 304 without a body; a HEAD gets the
 * headers only; everything else the body with its length, compressed when it is long enough.
 */
function sendBody(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  compression: AnswerCompression,
): void {
  if (isFresh(request, response)) {
    response.statusCode = 304;
    response.removeHeader('content-type');
    response.removeHeader('content-length');
    response.removeHeader('transfer-encoding');
    response.end();
    return;
  }
  const length = Buffer.byteLength(body);
  response.setHeader('content-length', length);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  if (length >= compression.thresholdBytes) compressFromHere(request, response, compression);
  response.end(body);
}

/** Runs the compression middleware on the response, so what is written from now on is compressed. */
function compressFromHere(request: IncomingMessage, response: ServerResponse, compression: AnswerCompression): void {
  // The middleware patches the response and calls `next` before it returns; there is nothing to go on to.
  compression.step(request, response, () => undefined);
}

/** Whether the client's copy is current: only for GET and HEAD answered 2xx (RFC 9110's conditional GET). */
function isFresh(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const status = response.statusCode;
  if (status < 200 || status >= 300) return false;
  // Without the request's Cache-Control: `fresh` treats `no-cache` there as "answer in full", but that directive
  // speaks to caches on the way, and the origin must still evaluate the precondition (RFC 9111 5.2.1.4, RFC 9110
  // 13.2.1). Node's fetch adds `Cache-Control: no-cache` to every request with `If-None-Match`.
  return fresh(
    { ...request.headers, 'cache-control': undefined },
    {
      etag: response.getHeader('etag'),
      'last-modified': response.getHeader('last-modified'),
    },
  );
}
