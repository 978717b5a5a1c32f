import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import type { ApolloServer } from '@apollo/server';
import compression from 'compression';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from './read/request-context';
import type { QueryLimits } from './platform/graphql/query-limits';
import { planExamples } from './web/ide/plan-examples';
import { accessLog } from './platform/observability/access-log';
import type { Logger } from './platform/observability/logger';
import { startApollo } from './platform/graphql/apollo-server';
import { RequestContexts } from './platform/http/request-contexts';
import type { Authenticate } from './platform/auth/authenticator';
import type { SignInSettings } from './platform/auth/sign-in-settings';
import type {
  HttpSettings,
  IdempotencySettings,
  LiveSettings,
  RateLimitSettings,
  RequestBudgetSettings,
} from './core/config';
import type { DatabaseHealth } from './db/database-health';
import type { GraphGateway } from './db/graph-gateway';
import { serveDashboard } from './web/dashboard/serve-dashboard';
import { planDashboardQueries } from './web/dashboard/plan-dashboard-queries';
import { serveExport, type ExportSettings } from './platform/export/serve-export';
import { GraphStatistics } from './platform/graphql/limits/graph-statistics';
import type { GraphSizes } from './read/graph-sizes';
import { rememberingSerializer } from './platform/graphql/result-serializer';
import { ConnectionCloseOnStop } from './platform/http/connection-close-on-stop';
import { graphqlEndpoint, isGraphQLRequest } from './platform/http/graphql-endpoint';
import { middlewareChain, type ErrorStep, type Step } from './platform/http/middleware-chain';
import { AllowedHosts, refuseOtherHosts } from './platform/http/allowed-hosts';
import { TrustedProxies } from './platform/http/forwarded-client';
import { corsPolicy } from './platform/http/cors-policy';
import { live, ready } from './platform/http/health';
import { httpServerOptions } from './platform/http/http-timeouts';
import { PRECOMPRESS_THRESHOLD_BYTES } from './platform/http/precompressed';
import { answerBodyErrors } from './platform/http/request-body';
import { answerUnparsableRequests } from './platform/http/unparsable-requests';
import { rateLimitStep } from './platform/http/rate-limit';
import { memoryRefusal } from './platform/http/memory-refusal';
import type { MemoryGuard } from './platform/service/memory-guard';
import type { MemoryBudget } from './core/memory-limit';
import { refusedUnlessReading } from './platform/http/read-only-route';
import { sendJson } from './platform/http/send';
import { IDE_ASSET_PREFIX, serveIdeAsset } from './web/ide/ide-assets';
import { ideOnGraphqlPath } from './web/ide/serve-ide-page';
import { serveLiveUpdates, type LiveUpdates } from './platform/live/live-socket-server';
import type { RequestTracing } from './platform/observability/tracing/request-tracing';
import type { DataVersion } from './platform/service/data-version';
import { serveMetrics } from './platform/observability/metrics/serve-metrics';
import type { ServiceMetrics } from './platform/observability/metrics/service-metrics';

export { MAX_BODY_BYTES } from './platform/http/request-body';

/** Answers smaller than this go uncompressed: below ~1 KiB the encoding saves less than it costs. */
const COMPRESSION_THRESHOLD_BYTES = PRECOMPRESS_THRESHOLD_BYTES;

/**
 * Brotli quality of answers compressed per request. Measured on this service's answers
 * (`node bench/investigations/compression-quality.js`): 5 is where the curve bends. From 4 (the middleware's default, barely
 * smaller than gzip) it saves 10-12 % (heatmap 5,145 -> 4,525 bytes, 15 % under gzip) for +0.05 ms (heatmap,
 * 53 KiB) to +0.4 ms (introspection, 170 KiB); 6-8 save under 3 % more, and 9-11 cost 20 to 150 times as much.
 * Static files are not compressed here: the build stores them at quality 11.
 */
const DYNAMIC_BROTLI_QUALITY = 5;

export interface ServerDeps {
  readonly schema: GraphQLSchema;
  readonly gateway: GraphGateway;
  /**
   * What /health/ready pings: a gateway on a driver of its own (see createReadinessDriver), so a request
   * pool worn out by traffic never reads as a dead database. Defaults to `gateway`.
   */
  readonly readiness?: GraphGateway;
  /** Which version of the data is served; ETags derive from it. */
  readonly dataVersion: DataVersion;
  /** The GraphiQL IDE for browsers on /graphql, and its files under /ide/ (IDE). */
  readonly ide: boolean;
  readonly introspection: boolean;
  /** Adds `extensions.cypher` (statement count and database time) to every response. */
  readonly reportCost: boolean;
  readonly queryLimits: QueryLimits;
  /** The loaded graph's list sizes, for the cost limit (refreshed after seeding; unmeasured sizes when absent). */
  readonly graphSizes?: GraphSizes;
  readonly requestBudget: RequestBudgetSettings;
  readonly http: HttpSettings;
  /** Limits of the subscriptions over WebSocket on /graphql (LIVE_* variables). */
  readonly live: LiveSettings;
  /** Known database state for /health/ready (the embedded database's supervisor); none for external ones. */
  readonly databaseHealth?: DatabaseHealth;
  /** The embedded database's data directory, whose disk space /health/ready reports; none for external ones. */
  readonly dataDirectory?: string;
  /** Reads the viewer from the Authorization header (every request is an anonymous viewer when absent). */
  readonly authenticate?: Authenticate;
  /** Limits of /export/… (EXPORT_MAX_ROWS). */
  readonly export: ExportSettings;
  /** The service's logger: one access line per request, errors, writes, export summaries, Apollo's own. */
  readonly logger: Logger;
  /** Spans of requests, GraphQL phases and export pages (OTEL_EXPORTER_OTLP_ENDPOINT); nothing is added without. */
  readonly tracing?: RequestTracing;
  /** Where requests are recorded for Prometheus; nothing is recorded when absent. */
  readonly metrics?: ServiceMetrics;
  /** Serves `metrics` at /metrics to requests bearing this token (METRICS_TOKEN); no such route when absent. */
  readonly metricsToken?: string;
  /** The dashboard's staff sign-in (OIDC_ISSUER, OIDC_CLIENT_ID); the dashboard is read-only when absent. */
  readonly signIn?: SignInSettings;
  /** How long the Idempotency-Keys of writes are kept (IDEMPOTENCY_KEY_RETENTION_HOURS). */
  readonly idempotency: IdempotencySettings;
  /** Requests one client may send per window to /graphql and /export (RATE_LIMIT_*); no limit when absent. */
  readonly rateLimit?: RateLimitSettings;
  /** The caches' budgets (MEMORY_LIMIT_MB); those of the default limit when absent. */
  readonly memory?: MemoryBudget;
  /**
   * Empties the caches when memory runs short and refuses requests to /graphql and /export past that
   * (SERVICE_BUSY); `npm start` has one, tests that run the server inside their own process none.
   */
  readonly memoryGuard?: MemoryGuard;
}

export interface RunningServer {
  readonly url: string;
  readonly httpServer: Server;
  /** The subscriptions over WebSocket on /graphql (for tests: counts of what is open). */
  readonly live: LiveUpdates;
  /** Closes live connections, stops accepting connections, closes idle ones, drains in-flight requests, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * The HTTP front: /graphql (Apollo Server; the GraphiQL IDE for browsers), answered on node:http by its own
 * chain of middleware (src/platform/http/graphql-endpoint.ts), and on Express 5 everything else: the IDE's files
 * under /ide/, the exports, the dashboard, /health/live and /health/ready, JSON 404s. Both run the same
 * steps first (access line, trace, compression). Answers are compressed (brotli or gzip), /graphql and
 * /export speak CORS, and reads carry Cache-Control and ETags. No listen here beyond `listen()`, so tests
 * build the same server on a free port.
 */
export async function createServer(deps: ServerDeps): Promise<{
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Runs the IDE's example queries once, so their statements are planned before the service listens. */
  planExamples(): Promise<string>;
  /** Runs the dashboard views' first requests once, likewise. */
  planDashboardQueries(): Promise<string>;
}> {
  const httpServer = httpServerFor(deps);
  const apollo = await startApollo(Object.assign({}, deps, { httpServer, stringifyResult: rememberingSerializer() }));
  // The names the service answers to depend on the address bound, known at listen(); loopback until then.
  const hosts = { allowed: AllowedHosts.of(deps.http.allowedHosts, '127.0.0.1') };
  // Who sent each request: the peer, or the client the proxies of TRUSTED_PROXIES name (logs, shares, Host).
  const proxies = TrustedProxies.of(deps.http.trustedProxies);
  const clientOf = (request: IncomingMessage) => proxies.clientOf(request);
  // Subscriptions on the same path, over WebSocket: the upgrade never reaches Express.
  const liveUpdates = serveLiveUpdates(httpServer, {
    schema: deps.schema,
    queryLimits: deps.queryLimits,
    graphSizes: deps.graphSizes ?? new GraphStatistics(),
    settings: deps.live,
    corsOrigins: deps.http.corsOrigins,
    allowedHosts: () => hosts.allowed,
    clientOf,
    authenticate: deps.authenticate,
    dataVersion: deps.dataVersion,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  const closeOnStop = new ConnectionCloseOnStop();
  // What every request goes through, whatever answers it: its access line, its trace and the stop's
  // `Connection: close`; then compression, which Express's routes get as a step and /graphql per answer.
  const everyRequest: Step[] = [
    accessLog(deps.logger, clientOf),
    // Before anything else works for it (after its access line): a Host this service is not, refused.
    refuseOtherHosts(() => hosts.allowed, clientOf),
    ...(deps.tracing ? [deps.tracing.httpMiddleware] : []),
    closeOnStop.middleware,
  ];
  const contexts = new RequestContexts(deps);
  // One count per client for the API's routes together. Health and metrics are not limited: an orchestrator's
  // probe or a Prometheus scrape must not read as a dead instance because a client on its address ran hot.
  const rateLimit: Step[] = deps.rateLimit
    ? [
        rateLimitStep({
          settings: deps.rateLimit,
          clientOf,
          authenticate: deps.authenticate,
          metrics: deps.metrics,
          logger: deps.logger,
        }),
      ]
    : [];
  // After the rate limit, so a client over its share is told that rather than to come back in a second.
  if (deps.memoryGuard) rateLimit.push(memoryRefusal(deps.memoryGuard));
  const front: Front = { deps, apollo, contexts, everyRequest, rateLimit, compress: compressAnswers() };
  const app = expressApp(front);
  const graphql = graphqlChain(front, unexpectedErrorStep(contexts));
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (isGraphQLRequest(request)) graphql(request, response);
    else app(request, response);
  });
  const runAnonymously = contexts.runAnonymously(apollo);
  return {
    planExamples: () => planExamples(runAnonymously),
    planDashboardQueries: () => planDashboardQueries(runAnonymously),
    listen: (port: number, host?: string) =>
      listenOn(httpServer, port, host, (bound) => {
        hosts.allowed = AllowedHosts.of(deps.http.allowedHosts, bound);
        return { httpServer, live: liveUpdates, closeOnStop, apollo };
      }),
  };
}

/** What the routes of the HTTP front are made with. */
interface Front {
  readonly deps: ServerDeps;
  readonly apollo: ApolloServer<RequestContext>;
  readonly contexts: RequestContexts;
  /** The steps every request takes first, whatever answers it (access line, Host check, trace, stop). */
  readonly everyRequest: readonly Step[];
  /** The per-client rate limit of the API's routes (/graphql, /export), after their CORS step; none when off. */
  readonly rateLimit: readonly Step[];
  readonly compress: Step;
}

/** node's HTTP server with the service's timeouts; a request it cannot parse is answered, not dropped. */
function httpServerFor(deps: ServerDeps): Server {
  const httpServer = createHttpServer(
    httpServerOptions({
      requestTimeoutMs: deps.requestBudget.timeoutMs,
      keepAliveTimeoutMs: deps.http.keepAliveTimeoutMs,
      idleTimeoutMs: deps.http.idleTimeoutMs,
    }),
  );
  // A connection on which nothing moved for this long is dropped, whatever else listens for the timeout.
  httpServer.setTimeout(deps.http.idleTimeoutMs, (socket) => socket.destroy());
  answerUnparsableRequests(httpServer, deps.logger);
  return httpServer;
}

/**
 * compression's types name Express's request and response, but it reads and patches only node's own (it
 * predates Express 4 as connect middleware), so the GraphQL endpoint runs it as it is.
 */
function compressAnswers(): Step {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY } },
  }) as unknown as Step;
}

function unexpectedErrorStep(contexts: RequestContexts): ErrorStep {
  return (error, request, response) => {
    contexts.requestLog(request).error({ event: 'error.unexpected', err: error }, 'unexpected HTTP error');
    if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
    else response.end();
  };
}

/** GraphQL is answered without Express (see middleware-chain.ts for why). */
function graphqlChain(
  { deps, apollo, contexts, everyRequest, rateLimit, compress }: Front,
  unexpectedError: ErrorStep,
) {
  return middlewareChain(
    [
      ...everyRequest,
      contexts.stampArrival,
      corsPolicy(deps.http.corsOrigins),
      ...rateLimit,
      ...graphqlEndpoint({
        apollo,
        contextOf: async (request) => contexts.contextFor(request, await contexts.identityOf(request)),
        maxNesting: deps.queryLimits.maxNesting,
        // Without the IDE a browser's GET goes on to GraphQL, which asks for a query.
        browserPage: deps.ide ? ideOnGraphqlPath(compress) : (_request, _response, next) => next(),
        compression: { step: compress, thresholdBytes: COMPRESSION_THRESHOLD_BYTES },
      }),
    ],
    [answerBodyErrors, unexpectedError],
  );
}

/** Everything but /graphql, on Express: health, metrics, the IDE's files, the exports, the dashboard, JSON 404s. */
function expressApp(front: Front): express.Express {
  const { deps, contexts } = front;
  const app = express();
  // Our ETags come from the data version (GraphQL) and file hashes (IDE); Express's body hashes would put
  // validators on errors and health answers too.
  app.set('etag', false);
  app.disable('x-powered-by');
  for (const step of [...front.everyRequest, front.compress]) app.use(step);
  app.all('/health/live', (request, response) => {
    if (!refusedUnlessReading(request, response, '/health/live')) live(response);
  });
  app.all('/health/ready', async (request, response) => {
    if (refusedUnlessReading(request, response, '/health/ready')) return;
    await ready(response, {
      gateway: deps.readiness ?? deps.gateway,
      health: deps.databaseHealth,
      dataVersion: deps.dataVersion,
      dataDirectory: deps.dataDirectory,
    });
  });
  // Never public by accident: only with a token configured, else the JSON 404 below (METRICS_PORT is apart).
  if (deps.metrics && deps.metricsToken !== undefined) {
    app.all('/metrics', serveMetrics(deps.metrics, deps.metricsToken));
  }
  if (deps.ide) {
    app.use(IDE_ASSET_PREFIX, (request, response) => serveIdeAsset(request, response, pathOf(request.originalUrl)));
  }
  // CORS as on /graphql; a page sending a token is preflighted, and the preflight is answered here.
  app.use('/export', corsPolicy(deps.http.corsOrigins), ...front.rateLimit);
  app.get('/export/:file', contexts.stampArrival, exportRoute(front));
  // The dashboard's page, its hashed assets, and `/` redirecting browsers to it.
  app.use((request, response, next) => {
    serveDashboard(request, response, pathOf(request.originalUrl), deps.signIn).then((served) => {
      if (!served) next();
    }, next);
  });
  app.use((request, response) => {
    sendJson(response, 404, { error: `no route ${pathOf(request.originalUrl)}; GraphQL is served at /graphql` });
  });
  app.use(answerBodyErrors);
  app.use(unexpectedErrorStep(contexts));
  return app;
}

/**
 * Spreadsheet downloads of the root connections. Each page runs through Apollo as the caller, in a fresh
 * context (its DataLoaders hold one page) whose budget counts from the request's arrival, so the export as a
 * whole stays within REQUEST_TIMEOUT_MS and the query limits.
 */
function exportRoute({ deps, apollo, contexts }: Front): ReturnType<typeof serveExport> {
  return serveExport({
    schema: deps.schema,
    settings: deps.export,
    logger: deps.logger,
    tracePage: deps.tracing?.exportPage,
    operationsFor: async (request) => {
      const identity = await contexts.identityOf(request);
      return {
        requestId: identity.requestId,
        run: async (query, variables) => {
          const answer = await apollo.executeOperation(
            { query, variables },
            { contextValue: contexts.contextFor(request, identity, false) },
          );
          if (answer.body.kind !== 'single') throw new Error('an export page answered incrementally');
          return answer.body.singleResult;
        },
      };
    },
  });
}

/** What stopping the server closes, in order. */
interface Stoppable {
  readonly httpServer: Server;
  readonly live: LiveUpdates;
  readonly closeOnStop: ConnectionCloseOnStop;
  readonly apollo: ApolloServer<RequestContext>;
}

/**
 * Listens on `port` at `host`: loopback unless the caller (HOST) says otherwise, since a service must not appear
 * on a network by default. `bound` learns the address before the first request can arrive.
 */
function listenOn(
  httpServer: Server,
  port: number,
  host = '127.0.0.1',
  bound: (host: string) => Stoppable,
): Promise<RunningServer> {
  return new Promise<RunningServer>((resolveListen, rejectListen) => {
    httpServer.once('error', rejectListen);
    const parts = bound(host);
    httpServer.listen(port, host, () => {
      const address = httpServer.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolveListen({
        url: `http://${urlHost(host)}:${actualPort}`,
        httpServer,
        live: parts.live,
        stop: async () => {
          parts.closeOnStop.beginStop();
          // Upgraded sockets are no requests: the HTTP drain would wait for them until they close themselves.
          await parts.live.close();
          return parts.apollo.stop();
        },
      });
    });
  });
}

/** How a client on this machine reaches an address the server bound to. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '127.0.0.1') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function pathOf(url: string): string {
  return new URL(url, 'http://localhost').pathname;
}
