import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { handleProtocols } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { Authenticate } from '../auth/authenticator';
import type { LiveSettings } from '../../core/config';
import type { GraphSizes } from '../../read/graph-sizes';
import type { QueryLimits } from '../graphql/query-limits';
import type { AllowedHosts } from '../http/allowed-hosts';
import type { ForwardedClient } from '../http/forwarded-client';
import type { Logger } from '../observability/logger';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';
import { ConnectionLimits } from './connection-limits';
import { DataVersionFeed, type ObservedDataVersion } from './data-version-feed';
import { serveConnection } from './live-connection';
import { liveGraphQLServer } from './live-graphql-server';
import type { TrustedDocuments } from '../graphql/trusted-documents/trusted-documents';
import { upgradeToLive } from './live-upgrade';

export { MAX_SUBSCRIPTIONS_PER_CONNECTION } from './live-graphql-server';

/** After a stop closes the sockets, how long a client has to answer the close before its socket is cut. */
const STOP_GRACE_MS = 1_000;

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
  /** TRUSTED_DOCUMENTS: only listed subscriptions run; any document when absent. */
  readonly trustedDocuments?: TrustedDocuments;
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
  const graphqlOverWebSocket = liveGraphQLServer(
    Object.assign({}, options, { initTimeoutMs: settings.initTimeoutMs, log }),
    feed,
  );
  sockets.on('connection', (socket: WebSocket, request: IncomingMessage) =>
    serveConnection(socket, request, {
      clientOf: options.clientOf,
      limits,
      graphqlOverWebSocket,
      keepAliveMs: settings.keepAliveMs,
      log,
    }),
  );
  httpServer.on(
    'upgrade',
    upgradeToLive(sockets, options, log, () => stopping),
  );

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
