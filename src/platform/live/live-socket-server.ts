import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Authenticate } from '../auth/authenticator';
import { ANONYMOUS_VIEWER, type Viewer } from '../auth/viewer';
import type { LiveSettings } from '../../core/config';
import type { GraphSizes } from '../graphql/limits/graph-statistics';
import type { QueryLimits } from '../graphql/query-limits';
import type { AllowedHosts } from '../http/allowed-hosts';
import { clientKey } from '../http/client-address';
import type { ForwardedClient } from '../http/forwarded-client';
import { originMayConnect } from '../http/cors-policy';
import { clientText } from '../observability/client-text';
import type { Logger } from '../observability/logger';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';
import { ConnectionLimits } from './connection-limits';
import { DataVersionFeed, type ObservedDataVersion } from './data-version-feed';
import type { LiveContext } from './live-context';
import { checkSubscription } from './subscription-operation';

/** Where subscriptions are served: the GraphQL endpoint's own path, as Apollo documents it. */
export const LIVE_PATH = '/graphql';

/** Subscriptions one connection may run at once (the dashboard runs one; the IDE one per tab). */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 16;

/** Close code for a connection refused by a connection cap: RFC 6455's "Try Again Later" (clients back off). */
export const TRY_AGAIN_LATER = 1013;

/** After a stop closes the sockets, how long a client has to answer the close before its socket is cut. */
const STOP_GRACE_MS = 1_000;

/** WebSocket close reasons are at most 123 bytes of UTF-8. */
const MAX_CLOSE_REASON_BYTES = 123;

export interface LiveUpdatesOptions {
  readonly schema: GraphQLSchema;
  readonly queryLimits: QueryLimits;
  readonly graphSizes: GraphSizes;
  readonly settings: LiveSettings;
  /** CORS_ORIGINS: which pages of other origins may connect. */
  readonly corsOrigins: '*' | readonly string[];
  /** ALLOWED_HOSTS as bound: the names the service answers to (Host) and its own pages' origins. */
  readonly allowedHosts: () => AllowedHosts;
  /** Who sent an upgrade: its peer, or the client trusted proxies name (TRUSTED_PROXIES), as for HTTP. */
  readonly clientOf: (request: IncomingMessage) => ForwardedClient;
  /** The HTTP endpoint's token check; every connection is anonymous when absent. */
  readonly authenticate?: Authenticate;
  readonly dataVersion: ObservedDataVersion;
  readonly logger: Logger;
  readonly metrics?: ServiceMetrics;
}

/** What graphql-ws keeps for each connection beside its context. */
interface ConnectionExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  /** Set once `connection_init` is accepted. */
  viewer: Viewer;
}

export interface LiveUpdates {
  /** Subscriptions open now. */
  subscriptionCount(): number;
  /** Connections open now. */
  connectionCount(): number;
  /** Refuses new connections, closes the open ones (1001), and cuts those that do not close within a second. */
  close(): Promise<void>;
}

/**
 * GraphQL subscriptions over WebSocket at /graphql, with graphql-ws (the graphql-transport-ws protocol Apollo
 * Server documents) on `ws`, within the HTTP front's rules: the CORS policy for the upgrade's Origin, connection
 * caps per client address and in all, a message size cap (ws's maxPayload: 1009), `connection_init` within
 * LIVE_INIT_TIMEOUT_MS (4408), pings every LIVE_KEEPALIVE_MS, the bearer token rule of HTTP (ANONYMOUS_READ) for
 * `connection_init`'s `authorization`, and the query limits for each subscription. One log line per connection
 * opened and one when it closes.
 */
export function serveLiveUpdates(httpServer: Server, options: LiveUpdatesOptions): LiveUpdates {
  const { settings, logger } = options;
  const log = logger.child({ component: 'live' });
  const feed = new DataVersionFeed(options.dataVersion);
  const limits = new ConnectionLimits(settings.maxConnectionsPerClient, settings.maxConnections);
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxMessageBytes,
    handleProtocols,
    // Compression would cost memory per connection for messages of a few hundred bytes.
    perMessageDeflate: false,
  });
  let stopping = false;

  const graphqlOverWebSocket = makeServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema: options.schema,
    connectionInitWaitTimeout: settings.initTimeoutMs,
    onConnect: async ({ connectionParams, extra }) => {
      const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
      if (authorization !== undefined && typeof authorization !== 'string') {
        extra.socket.close(CloseCode.BadRequest, 'connection_init payload.authorization must be "Bearer <token>"');
        return false;
      }
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
      const checked = checkSubscription(options.schema, options.queryLimits, options.graphSizes, payload);
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
  });

  sockets.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const client = options.clientOf(request).address ?? 'unknown';
    const origin = clientTextOrUndefined(request.headers.origin);
    // Counted per client, not per address: one IPv6 network or loopback address range is one client.
    const shareKey = clientKey(client);
    const refusal = limits.open(shareKey);
    if (refusal !== undefined) {
      log.warn(
        { event: 'live.refused', client, origin, limit: refusal.setting, max: refusal.max },
        `live connection from ${client} refused: ${refusal.reason}`,
      );
      socket.close(TRY_AGAIN_LATER, closeReason(refusal.reason));
      return;
    }
    const connectionId = randomUUID();
    const openedAt = Date.now();
    log.info({ event: 'live.open', connectionId, client, origin }, `live connection opened from ${client}`);

    // A peer that has not answered the previous ping by the next one is gone (a dead network path keeps no FIN).
    let answered = true;
    socket.on('pong', () => {
      answered = true;
    });
    const keepAlive = setInterval(() => {
      if (!answered) {
        socket.terminate();
        return;
      }
      answered = false;
      socket.ping();
    }, settings.keepAliveMs);
    keepAlive.unref();

    // Over-long messages (maxPayload) and broken frames: ws closes the socket itself (1009, 1002); logged below.
    socket.on('error', (error) => log.debug({ event: 'live.socket-error', connectionId, err: error }));

    const extra: ConnectionExtra = { socket, request, viewer: ANONYMOUS_VIEWER };
    const closed = graphqlOverWebSocket.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) {
              resolve();
              return;
            }
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data, isBinary) => {
            // The protocol's messages are JSON text; a binary frame is passed on as empty, which graphql-ws refuses.
            handle(isBinary ? '' : textOf(data)).catch((error: unknown) => {
              log.error({ event: 'live.error', connectionId, err: error }, 'live message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extra,
    );

    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(keepAlive);
      limits.release(shareKey);
      void closed(code, reason.toString());
      // The client's close reason (up to 123 bytes), escaped: it must not start a line of the log.
      const told = clientText(reason.toString());
      log.info(
        {
          event: 'live.close',
          connectionId,
          client,
          code,
          reason: told,
          durationMs: Date.now() - openedAt,
          signedIn: extra.viewer.subject !== null,
        },
        `live connection from ${client} closed (${code}${told.length > 0 ? ` ${told}` : ''})`,
      );
    });
  });

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== LIVE_PATH) {
      refuseUpgrade(socket, 404, `no WebSocket endpoint at ${path}; subscriptions are served at ${LIVE_PATH}`);
      return;
    }
    if (stopping) {
      refuseUpgrade(socket, 503, 'the service is stopping');
      return;
    }
    const allowedHosts = options.allowedHosts();
    const client = options.clientOf(request);
    if (!allowedHosts.allowsHost(client.host)) {
      log.warn(
        { event: 'live.refused', client: client.address, limit: 'ALLOWED_HOSTS' },
        'live connection refused: its Host is not in ALLOWED_HOSTS',
      );
      refuseUpgrade(socket, 421, 'this service does not answer to the host name of this request (ALLOWED_HOSTS)');
      return;
    }
    const origin = request.headers.origin;
    const loggedOrigin = clientTextOrUndefined(origin);
    if (!originMayConnect(options.corsOrigins, origin, allowedHosts)) {
      log.warn(
        { event: 'live.refused', client: client.address, origin: loggedOrigin, limit: 'CORS_ORIGINS' },
        `live connection from origin ${loggedOrigin ?? ''} refused: not in CORS_ORIGINS`,
      );
      refuseUpgrade(socket, 403, `origin ${origin ?? ''} may not connect (CORS_ORIGINS)`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit('connection', webSocket, request));
  });

  const metrics = options.metrics;
  metrics?.watchLiveUpdates(() => ({ connections: limits.size, subscriptions: feed.size }));

  return {
    subscriptionCount: () => feed.size,
    connectionCount: () => limits.size,
    close: async () => {
      stopping = true;
      feed.close();
      const open = [...sockets.clients];
      for (const socket of open) socket.close(1001, 'the service is stopping');
      await Promise.race([
        Promise.all(open.map((socket) => new Promise((resolve) => socket.once('close', resolve)))),
        new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref()),
      ]);
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

/** Answers an upgrade that will not become a WebSocket with a plain HTTP error, then closes the socket. */
function refuseUpgrade(socket: Duplex, status: 403 | 404 | 421 | 503, message: string): void {
  const body = JSON.stringify({ error: message });
  const reasons = {
    403: 'Forbidden',
    404: 'Not Found',
    421: 'Misdirected Request',
    503: 'Service Unavailable',
  } as const;
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** A text frame's bytes as ws hands them over (one buffer, fragments, or an ArrayBuffer), decoded. */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** A close reason cut to the 123 bytes the protocol allows, on a character boundary. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_CLOSE_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}

/** A header's value as a log line may hold it (see clientText); absent stays absent. */
function clientTextOrUndefined(value: string | undefined): string | undefined {
  return value === undefined ? undefined : clientText(value);
}
