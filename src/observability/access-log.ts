import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { REQUEST_ID_HEADER, requestIdFrom } from '../graphql/request-id.plugin';
import type { Logger } from './logger';

/** What a GraphQL request adds to its access line (see accessLogPlugin, which fills it in). */
export interface GraphQLOutcome {
  readonly operationName: string | null;
  /** query, mutation or subscription; null when the document did not parse or name a known operation. */
  readonly operationType: string | null;
  /** The distinct `extensions.code` of the errors in the answer, in order of first appearance. */
  readonly errorCodes: readonly string[];
  /** Cypher statements the request ran, and the milliseconds spent waiting for them (its QueryCounter). */
  readonly statements: number;
  readonly dbMs: number;
  /** Whether the answer came whole from the response cache. */
  readonly cacheHit: boolean;
  /** The signed-in viewer's `sub`; null when anonymous. */
  readonly user: string | null;
}

/** One HTTP request's access line in the making: the GraphQL layer adds its outcome before the answer is sent. */
export class AccessLogEntry {
  graphql: GraphQLOutcome | undefined;
  private readonly arrivedAt = performance.now();
  private readonly bytesBefore: number;

  constructor(
    /** The caller's x-request-id when short and plain, else a new one: the id every line of the request carries. */
    readonly requestId: string,
    /** Taken on arrival: Express shortens `request.url` inside mounted routes while they run. */
    readonly path: string,
    private readonly socket: Socket,
  ) {
    this.bytesBefore = socket.bytesWritten;
  }

  /** Milliseconds since the request arrived, to a tenth. */
  durationMs(): number {
    return Math.round((performance.now() - this.arrivedAt) * 10) / 10;
  }

  /** Bytes written to the connection for this response: status line, headers and (compressed) body. */
  bytesSent(): number {
    return this.socket.bytesWritten - this.bytesBefore;
  }
}

/**
 * The entry travels with its request, under a symbol no other module can name: per-request state lives on the
 * request, never in a module-level table.
 */
const ENTRY = Symbol('access log entry');
type Entered = IncomingMessage & { [ENTRY]?: AccessLogEntry };

/** The access entry of a request that came through `accessLog`; undefined for any other (tests, scripts). */
export function accessLogEntry(request: IncomingMessage): AccessLogEntry | undefined {
  return (request as Entered)[ENTRY];
}

/**
 * One log line per HTTP request, written when its answer is finished or its connection closes, through
 * pino-http (which times the request, gives it its id and a child logger bound to that id as `request.log`).
 * The line is built here field by field, never from the request or response objects, so no header (and
 * hence no token or cookie) can reach it:
 *
 * `requestId method path status durationMs bytes` for every route, `aborted` when the client left before the
 * answer was complete, and for /graphql the GraphQL outcome (operation, error codes, statements, database
 * time, cache hit, user). /health/… lines are at debug level, so a load balancer's probes every few seconds
 * do not bury the traffic; answers of 500 and over at warn (the error itself is logged once, with its stack,
 * where it happened); everything else at info.
 */
export function accessLog(logger: Logger): RequestHandler {
  const middleware = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    genReqId: (request) => accessLogEntry(request)?.requestId ?? requestIdFrom(undefined),
    customAttributeKeys: { reqId: 'requestId' },
    // request.log is bound to the id only; the line's other fields come from accessLine.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (request, response) => {
      if (accessLogEntry(request)?.path.startsWith('/health/') === true) return 'debug';
      return response.statusCode >= 500 ? 'warn' : 'info';
    },
    customSuccessObject: (request, response) => accessLine(request, response),
    customErrorObject: (request, response) => accessLine(request, response),
    customSuccessMessage: (request, response) => summary(request, response),
    customErrorMessage: (request, response) => summary(request, response),
  });
  return (request, response, next) => {
    const requestId = requestIdFrom(singleHeader(request.headers[REQUEST_ID_HEADER]));
    (request as Entered)[ENTRY] = new AccessLogEntry(requestId, pathOf(request), request.socket);
    middleware(request, response, next);
  };
}

function accessLine(request: IncomingMessage, response: ServerResponse): Record<string, unknown> {
  const entry = accessLogEntry(request);
  return {
    event: 'http.request',
    method: request.method,
    path: entry?.path,
    status: response.statusCode,
    durationMs: entry?.durationMs(),
    bytes: entry?.bytesSent() ?? 0,
    ...(response.writableFinished ? {} : { aborted: true }),
    ...entry?.graphql,
  };
}

/** `POST /graphql 200`, with the operation when there is one: `POST /graphql 200 query Dashboard`. */
function summary(request: IncomingMessage, response: ServerResponse): string {
  const graphql = accessLogEntry(request)?.graphql;
  const operation = graphql
    ? ` ${graphql.operationType ?? 'unparsed'}${graphql.operationName ? ` ${graphql.operationName}` : ''}`
    : '';
  return `${request.method} ${accessLogEntry(request)?.path ?? ''} ${response.statusCode}${operation}`;
}

/** The path without the query string: a GET's query and variables, or an export's filter, stay out of the log. */
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
