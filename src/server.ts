import type { IncomingMessage, Server } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import type { ApolloServer } from '@apollo/server';
import compression from 'compression';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from './read/request-context';
import { queryParseOptions, type QueryLimits } from './platform/graphql/query-limits';
import { planExamples, type PlanningProgress } from './web/ide/plan-examples';
import { accessLog } from './platform/observability/access-log';
import type { Logger } from './platform/observability/logger';
import { startApollo } from './platform/graphql/apollo-server';
import type { OperationManifest } from './platform/graphql/trusted-documents/operation-manifest';
import { TrustedDocuments } from './platform/graphql/trusted-documents/trusted-documents';
import { admitTrustedDocuments } from './platform/http/trusted-documents-step';
import { RequestContexts } from './platform/http/request-contexts';
import type { Authenticate } from './platform/auth/authenticator';
import type { SignInSettings } from './platform/auth/sign-in-settings';
import type {
  HttpSettings,
  IdempotencySettings,
  LiveSettings,
  RateLimitSettings,
  RequestBudgetSettings,
  RequestSlotSettings,
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
import { GRAPHQL_PATH, graphqlEndpoint, isGraphQLRequest } from './platform/http/graphql-endpoint';
import { nameRoute } from './platform/http/request-route';
import { middlewareChain, type ErrorStep, type Step } from './platform/http/middleware-chain';
import { AllowedHosts, refuseOtherHosts } from './platform/http/allowed-hosts';
import { TrustedProxies, type ForwardedClient } from './platform/http/forwarded-client';
import { corsPolicy } from './platform/http/cors-policy';
import { live, ready } from './platform/http/health';
import { HttpListener } from './platform/http/http-listener';
import { PRECOMPRESS_THRESHOLD_BYTES } from './platform/http/precompressed';
import { answerBodyErrors } from './platform/http/request-body';
import { rateLimitStep } from './platform/http/rate-limit';
import { memoryRefusal } from './platform/http/memory-refusal';
import { requestAdmission } from './platform/http/request-admission';
import { RequestSlots } from './platform/service/request-slots';
import type { MemoryGuard } from './platform/service/memory-guard';
import type { MemoryBudget } from './core/memory-limit';
import { refusedUnlessReading } from './platform/http/read-only-route';
import { sendJson } from './platform/http/send';
import { IDE_ASSET_PREFIX, serveIdeAsset } from './web/ide/ide-assets';
import { ideOnGraphqlPath } from './web/ide/serve-ide-page';
import { serveLiveUpdates, type LiveUpdates } from './platform/live/live-socket-server';
import type { RequestTracing } from './platform/observability/tracing/request-tracing';
import type { DataVersion } from './platform/service/data-version';
import type { StartUpStep } from './platform/service/start-up-progress';
import { serveMetrics } from './platform/observability/metrics/serve-metrics';
import { recordRequestDuration } from './platform/observability/metrics/http-request-duration';
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
  /** How many API requests are worked on at once, and how long another waits its turn (REQUEST_MAX_CONCURRENT). */
  readonly requestSlots: RequestSlotSettings;
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
  /**
   * The manifest of the only operations /graphql and the subscriptions run (TRUSTED_DOCUMENTS), checked at
   * start; any operation runs when absent. The dashboard then sends ids rather than texts.
   */
  readonly trustedDocuments?: OperationManifest;
  /** The start's step, which /health/ready names until the plans are warm (src/index.ts); none: started. */
  readonly startUp?: StartUpStep;
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
  /**
   * Closes live connections, stops accepting connections, closes idle ones, waits for the answers under way
   * (STOP_DRAIN_MS at most, then cuts what is left), then stops Apollo. Resolves with the connections cut.
   */
  stop(): Promise<number>;
}

/**
 * The HTTP front: /graphql (Apollo Server; the GraphiQL IDE for browsers), answered on node:http by its own
 * chain of middleware (src/platform/http/graphql-endpoint.ts), and on Express 5 everything else: the IDE's files
 * under /ide/, the exports, the dashboard, /health/live and /health/ready, JSON 404s. Both run the same
 * steps first (access line, trace, compression). Answers are compressed (brotli or gzip), /graphql and
 * /export speak CORS, and reads carry Cache-Control and ETags.
 *
 * It answers on `listener`: the service's own (src/index.ts), which listens from the start of the process and
 * answers only health until `serve()` hands it these routes; or, by default, a new one that `listen()` binds
 * and serves at once (tests build the same server on a free port).
 */
export async function createServer(
  deps: ServerDeps,
  listener: HttpListener = new HttpListener({
    requestTimeoutMs: deps.requestBudget.timeoutMs,
    keepAliveTimeoutMs: deps.http.keepAliveTimeoutMs,
    idleTimeoutMs: deps.http.idleTimeoutMs,
    logger: deps.logger,
    startUp: { step: () => undefined },
  }),
): Promise<{
  /** Listens on `port` (at `host`) and serves these routes there. */
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Serves these routes on the listener, which already listens. */
  serve(): RunningServer;
  /** Runs the IDE's example queries once, so their statements are planned before the first visitor's. */
  planExamples(progress?: PlanningProgress): Promise<string>;
  /** Runs the dashboard views' first requests once, likewise. */
  planDashboardQueries(progress?: PlanningProgress): Promise<string>;
}> {
  const httpServer = listener.httpServer;
  const gate = trustedDocumentsGate(deps);
  const apollo = await startApollo(Object.assign({}, deps, { stringifyResult: rememberingSerializer() }));
  // The names the service answers to depend on the address bound, known once it listens; loopback until then.
  const hosts = { allowed: AllowedHosts.of(deps.http.allowedHosts, listener.host ?? '127.0.0.1') };
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
    trustedDocuments: gate,
  });
  const closeOnStop = new ConnectionCloseOnStop();
  // What every request goes through, whatever answers it: its access line, its trace and the stop's
  // `Connection: close`; then compression, which Express's routes get as a step and /graphql per answer.
  const everyRequest: Step[] = [
    accessLog(deps.logger, clientOf, deps.metrics ? [recordRequestDuration(deps.metrics)] : []),
    // Before anything else works for it (after its access line): a Host this service is not, refused.
    refuseOtherHosts(() => hosts.allowed, clientOf),
    ...(deps.tracing ? [deps.tracing.httpMiddleware(clientOf)] : []),
    closeOnStop.middleware,
  ];
  // The API's requests worked on at once: admitted by them, and what each shared the service with (its budget).
  const slots = new RequestSlots(deps.requestSlots);
  const contexts = new RequestContexts(deps, slots);
  const rateLimit = rateLimitSteps(deps, clientOf, slots);
  const front: Front = {
    deps,
    apollo,
    contexts,
    everyRequest,
    rateLimit,
    compress: compressAnswers(),
    admitDocuments: gate === undefined ? undefined : admitTrustedDocuments(gate),
  };
  const app = expressApp(front);
  const graphql = graphqlChain(front, unexpectedErrorStep(contexts));
  const serve = (): RunningServer => {
    hosts.allowed = AllowedHosts.of(deps.http.allowedHosts, listener.host ?? '127.0.0.1');
    listener.serve((request, response) => {
      if (isGraphQLRequest(request)) {
        // Named from the start, so a refusal before the endpoint (a Host, the rate limit) counts as /graphql too.
        nameRoute(request, GRAPHQL_PATH);
        graphql(request, response);
      } else app(request, response);
    });
    return runningServer(listener, { live: liveUpdates, closeOnStop, apollo });
  };
  const runAnonymously = contexts.runAnonymously(apollo);
  return {
    planExamples: (progress) => planExamples(runAnonymously, progress),
    planDashboardQueries: (progress) => planDashboardQueries(runAnonymously, undefined, progress),
    serve,
    listen: async (port: number, host?: string) => {
      await listener.listen(port, host);
      return serve();
    },
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
  /** With TRUSTED_DOCUMENTS: only listed documents go on to Apollo; none when any may. */
  readonly admitDocuments: Step | undefined;
}

/** With TRUSTED_DOCUMENTS, the gate that lets only listed documents on (HTTP and WebSocket); none when any may. */
function trustedDocumentsGate(deps: ServerDeps): TrustedDocuments | undefined {
  if (deps.trustedDocuments === undefined) return undefined;
  return new TrustedDocuments(deps.trustedDocuments, {
    introspection: deps.introspection,
    parseOptions: queryParseOptions(deps.queryLimits),
  });
}

/**
 * What the API's routes (/graphql, /export) check before their work: one count per client for them together,
 * then, when memory runs short, a refusal (the memory guard's). Health and metrics are not limited: an orchestrator's
 * probe or a Prometheus scrape must not read as a dead instance because a client on its address ran hot.
 */
function rateLimitSteps(
  deps: ServerDeps,
  clientOf: (request: IncomingMessage) => ForwardedClient,
  slots: RequestSlots,
): Step[] {
  const { authenticate, metrics, logger } = deps;
  const steps = deps.rateLimit
    ? [rateLimitStep({ settings: deps.rateLimit, clientOf, authenticate, metrics, logger })]
    : [];
  // After the rate limit, so a client over its share is told that rather than to come back in a second.
  if (deps.memoryGuard) steps.push(memoryRefusal(deps.memoryGuard));
  // Last: a request refused for any reason above never takes a slot or a place in the queue.
  steps.push(requestAdmission(slots));
  return steps;
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
  { deps, apollo, contexts, everyRequest, rateLimit, compress, admitDocuments }: Front,
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
        admitDocuments,
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
      startUp: deps.startUp,
    });
  });
  // Never public by accident: only with a token configured, else the JSON 404 below (METRICS_PORT is apart).
  if (deps.metrics && deps.metricsToken !== undefined) {
    app.all('/metrics', serveMetrics(deps.metrics, deps.metricsToken));
  }
  if (deps.ide) {
    app.use(IDE_ASSET_PREFIX, (request, response) => {
      nameRoute(request, `${IDE_ASSET_PREFIX}*`);
      return serveIdeAsset(request, response, pathOf(request.originalUrl));
    });
  }
  // CORS as on /graphql; a page sending a token is preflighted, and the preflight is answered here.
  app.use('/export', corsPolicy(deps.http.corsOrigins), ...front.rateLimit);
  app.get('/export/:file', contexts.stampArrival, exportRoute(front));
  // The dashboard's page, its hashed assets, and `/` redirecting browsers to it.
  app.use((request, response, next) => {
    serveDashboard(
      request,
      response,
      pathOf(request.originalUrl),
      deps.signIn,
      deps.trustedDocuments !== undefined,
    ).then((served) => {
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

/** The server as it serves on `listener`, and its stop, in order. */
function runningServer(
  listener: HttpListener,
  parts: {
    readonly live: LiveUpdates;
    readonly closeOnStop: ConnectionCloseOnStop;
    readonly apollo: ApolloServer<RequestContext>;
  },
): RunningServer {
  return {
    url: listener.url,
    httpServer: listener.httpServer,
    live: parts.live,
    stop: async () => {
      parts.closeOnStop.beginStop();
      // Upgraded sockets are no requests: the HTTP drain would wait for them until they close themselves.
      await parts.live.close();
      const cut = await listener.drain.stop();
      await parts.apollo.stop();
      return cut;
    },
  };
}

function pathOf(url: string): string {
  return new URL(url, 'http://localhost').pathname;
}
