import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ForwardedClient } from '../http/forwarded-client';
import { headerValue } from '../http/header-value';
import type { Step } from '../http/middleware-chain';
import { REQUEST_ID_HEADER, requestIdFrom } from '../plugins/request-id.plugin';
import { clientText } from './client-text';
import type { Logger } from './logger';
import type { AccessLine, GraphQLOutcome } from '../../read/access-line';

/** One HTTP request's access line in the making: the GraphQL layer adds its outcome before the answer is sent. */
export class AccessLogEntry implements AccessLine {
  graphql: GraphQLOutcome | undefined;
  private readonly arrivedAt = performance.now();
  private readonly bytesBefore: number;
  private boundLog: Logger | undefined;

  constructor(
    /** The caller's x-request-id when short and plain, else a new one: the id every line of the request carries. */
    readonly requestId: string,
    /** Taken on arrival: Express shortens `request.url` inside mounted routes while they run. */
    readonly path: string,
    private readonly socket: Socket,
    /** The service's logger, which `log` binds to the request's id. */
    private readonly serviceLog: Logger,
    /** Who sent it: the peer, or the client trusted proxies name (TRUSTED_PROXIES). */
    readonly client: ForwardedClient,
  ) {
    this.bytesBefore = socket.bytesWritten;
  }

  /**
   * The request's logger: the service's, bound to the request's id (errors, writes, export summaries). Made
   * on first use: a pino child runs its bindings through the redaction paths (about 3 KB and 2 % of a
   * `{ __typename }` request's time), and most requests log nothing but their access line.
   */
  get log(): Logger {
    this.boundLog ??= this.serviceLog.child({ requestId: this.requestId });
    return this.boundLog;
  }

  /** Milliseconds since the request arrived, to a tenth. */
  durationMs(): number {
    return Math.round((performance.now() - this.arrivedAt) * 10) / 10;
  }

  /** The address the request came from: its connection's peer, or the client trusted proxies name. */
  get clientAddress(): string | undefined {
    return this.client.address;
  }

  /** Bytes written to the connection for this response: status line, headers and (compressed) body. */
  bytesSent(): number {
    return this.socket.bytesWritten - this.bytesBefore;
  }
}

/**
 * Told of a request when its access line is written (its answer finished or its connection closed), with the
 * line's own duration: what observes requests this way (the request-duration histogram) counts the same
 * requests, at the same moment, with the same figures as the log.
 */
export type AnswerObserver = (request: IncomingMessage, response: ServerResponse, durationMs: number) => void;

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
 * One log line per HTTP request, written when its answer is finished or its connection closes. The line is
 * built here field by field, never from the request or response objects, so no header (and hence no token or
 * cookie) can reach it:
 *
 * `requestId client scheme method path status durationMs bytes` for every route (the client's address and
 * scheme as trusted proxies report them, else the peer's), `aborted` when the client left before the
 * answer was complete, and for /graphql the GraphQL outcome (operation, error codes, statements, database
 * time, cache hit, user). /health/… lines are at debug level, so a load balancer's probes every few seconds
 * do not bury the traffic; answers of 500 and over at warn (the error itself is logged once, with its stack,
 * where it happened); everything else at info.
 *
 * Written with pino itself rather than pino-http, which for every request also made a second child logger
 * bound to the whole request object (serialized, and passed through the redaction below) that this service
 * never logs with. Because every field of the line is chosen here, the line is also written past the
 * logger's redaction net (`REDACTED_PATHS`, whose wildcard paths cost about 15 µs a line, as much as the
 * rest of the line): the net stays under every other line, where a caller might put a whole object.
 */
export function accessLog(
  logger: Logger,
  clientOf: (request: IncomingMessage) => ForwardedClient,
  /** Told of every request the moment its line is written, with the line's figures (the request metrics). */
  observers: readonly AnswerObserver[] = [],
): Step {
  const lines = logger.child({}, { redact: [] });
  return (request, response, next) => {
    const requestId = requestIdFrom(headerValue(request, REQUEST_ID_HEADER));
    const entry = new AccessLogEntry(requestId, pathOf(request), request.socket, logger, clientOf(request));
    (request as Entered)[ENTRY] = entry;
    // On every answer, whoever writes it (refusals such as 401, 406 and 415, the IDE page, health, 404s): a
    // user's report of any of them finds its log line. Apollo's plugin sets the same id again on GraphQL answers.
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const writeLine = (): void => {
      response.removeListener('finish', writeLine);
      response.removeListener('close', writeLine);
      const durationMs = entry.durationMs();
      const level = entry.path.startsWith('/health/') ? 'debug' : response.statusCode >= 500 ? 'warn' : 'info';
      if (lines.isLevelEnabled(level))
        lines[level](accessLine(entry, request, response, durationMs), summary(entry, request, response));
      for (const observe of observers) observe(request, response, durationMs);
    };
    response.on('finish', writeLine);
    response.on('close', writeLine);
    next();
  };
}

function accessLine(
  entry: AccessLogEntry,
  request: IncomingMessage,
  response: ServerResponse,
  durationMs: number,
): object {
  return {
    requestId: entry.requestId,
    event: 'http.request',
    client: entry.clientAddress,
    scheme: entry.client.protocol,
    method: request.method,
    // The path, like the operation name the GraphQL layer adds, is the client's text: cut and escaped.
    path: clientText(entry.path),
    status: response.statusCode,
    durationMs,
    bytes: entry.bytesSent(),
    ...(response.writableFinished ? {} : { aborted: true }),
    ...entry.graphql,
  };
}

/** `POST /graphql 200`, with the operation when there is one: `POST /graphql 200 query Dashboard`. */
function summary(entry: AccessLogEntry, request: IncomingMessage, response: ServerResponse): string {
  const graphql = entry.graphql;
  const operation = graphql
    ? ` ${graphql.operationType ?? 'unparsed'}${graphql.operationName ? ` ${graphql.operationName}` : ''}`
    : '';
  return `${request.method} ${clientText(entry.path)} ${response.statusCode}${operation}`;
}

/** The path without the query string: a GET's query and variables, or an export's filter, stay out of the log. */
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
