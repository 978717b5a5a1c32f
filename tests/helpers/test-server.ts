import type { Authenticate } from '../../src/platform/auth/authenticator';
import type { SignInSettings } from '../../src/platform/auth/sign-in-settings';
import type { DatabaseHealth } from '../../src/db/database-health';
import type { GraphGateway } from '../../src/db/graph-gateway';
import {
  loadConfig,
  type HttpSettings,
  type IdempotencySettings,
  type LiveSettings,
  type RequestBudgetSettings,
  type RequestSlotSettings,
} from '../../src/core/config';
import { GraphStatistics } from '../../src/platform/graphql/limits/graph-statistics';
import { graphSchema } from '../../src/schema';
import type { ExportSettings } from '../../src/platform/export/serve-export';
import type { RequestTracing } from '../../src/platform/observability/tracing/request-tracing';
import { createServer, type RunningServer } from '../../src/server';
import type { Logger } from '../../src/platform/observability/logger';
import { DataVersion } from '../../src/platform/service/data-version';
import { testLogger } from './log-capture';
import type { OperationManifest } from '../../src/platform/graphql/trusted-documents/operation-manifest';
import type { ServiceMetrics } from '../../src/platform/observability/metrics/service-metrics';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  readonly extensions?: Record<string, unknown>;
}

export interface TestServer {
  readonly url: string;
  /** The node:http server underneath (for tests of sockets and timeouts). */
  readonly httpServer: RunningServer['httpServer'];
  readonly dataVersion: DataVersion;
  /** The subscriptions over WebSocket on /graphql. */
  readonly live: RunningServer['live'];
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Readonly<Record<string, string>>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** What a test may change from the defaults `npm start` uses (each field replaces the default's field). */
export interface TestServerOptions {
  readonly introspection?: boolean;
  /** The IDE for browsers (IDE); on when absent. */
  readonly ide?: boolean;
  /** QUERY_MAX_*, RATE_LIMIT_* and other variables, read as `npm start` reads them (defaults when absent). */
  readonly env?: Readonly<Record<string, string>>;
  readonly requestBudget?: Partial<RequestBudgetSettings>;
  /** REQUEST_MAX_CONCURRENT and REQUEST_QUEUE_MS (their defaults otherwise). */
  readonly requestSlots?: Partial<RequestSlotSettings>;
  readonly http?: Partial<HttpSettings>;
  /** Limits of the subscriptions over WebSocket (LIVE_* from `env` otherwise). */
  readonly live?: Partial<LiveSettings>;
  /** Known database state for /health/ready (a supervisor's restart state); none when absent. */
  readonly databaseHealth?: DatabaseHealth;
  /** The embedded database's data directory, whose disk space /health/ready reports; external when absent. */
  readonly dataDirectory?: string;
  /** What /health/ready pings; the request gateway when absent. */
  readonly readiness?: GraphGateway;
  /** Reads the viewer from the Authorization header; every request is an anonymous viewer when absent. */
  readonly authenticate?: Authenticate;
  /** Limits of /export/… (EXPORT_MAX_ROWS from `env`, and the page size, for tests that walk several pages). */
  readonly export?: Partial<ExportSettings>;
  /** Where the server logs; errors to stderr when absent (see captureLogs for a test that reads the log). */
  readonly logger?: Logger;
  /** Spans of requests, GraphQL phases and export pages (the gateway observes statements separately). */
  readonly tracing?: RequestTracing;
  /** Records requests into these metrics (and serves them at /metrics with `metricsToken`); none when absent. */
  readonly metrics?: ServiceMetrics;
  readonly metricsToken?: string;
  /** The dashboard's staff sign-in (OIDC_* in `env` when absent). */
  readonly signIn?: SignInSettings;
  /** Polls the data version every this many ms, as `npm start` does (DATA_VERSION_POLL_MS); no poll when absent. */
  readonly dataVersionPollMs?: number;
  /** How long Idempotency-Keys are kept (IDEMPOTENCY_KEY_RETENTION_HOURS from `env` otherwise). */
  readonly idempotency?: Partial<IdempotencySettings>;
  /** The manifest of the only operations run (TRUSTED_DOCUMENTS); IDE and introspection then off unless given. */
  readonly trustedDocuments?: OperationManifest;
}

/** The real HTTP server (same code as `npm start`) on a free port, over the given gateway. */
export async function startTestServer(gateway: GraphGateway, options: TestServerOptions = {}): Promise<TestServer> {
  const defaults = loadConfig(options.env ?? {});
  const dataVersion = await setUpRead(() => DataVersion.read(gateway));
  if (options.dataVersionPollMs !== undefined) dataVersion.startPolling(options.dataVersionPollMs);
  const graphSizes = new GraphStatistics();
  await setUpRead(() => graphSizes.refresh(gateway));
  const app = await createServer({
    schema: await graphSchema(),
    gateway,
    readiness: options.readiness,
    dataVersion,
    // As `npm start` decides them: on, unless a manifest is given (src/core/config.ts).
    ide: options.ide ?? options.trustedDocuments === undefined,
    introspection: options.introspection ?? options.trustedDocuments === undefined,
    reportCost: true,
    queryLimits: defaults.queryLimits,
    graphSizes,
    requestBudget: { ...defaults.requestBudget, ...options.requestBudget },
    requestSlots: { ...defaults.requestSlots, ...options.requestSlots },
    // Without RESPONSE_CACHE_MAX_MB in `env`, every request reaches the database, so tests that count
    // statements or provoke failures see each request's own work; the response cache has its own tests.
    http: {
      ...defaults.http,
      responseCacheBytes: options.env?.RESPONSE_CACHE_MAX_MB === undefined ? 0 : defaults.http.responseCacheBytes,
      ...options.http,
    },
    live: { ...defaults.live, ...options.live },
    databaseHealth: options.databaseHealth,
    dataDirectory: options.dataDirectory,
    authenticate: options.authenticate,
    export: { ...defaults.export, ...options.export },
    logger: options.logger ?? testLogger(),
    tracing: options.tracing,
    metrics: options.metrics,
    metricsToken: options.metricsToken,
    signIn: options.signIn ?? defaults.signIn,
    idempotency: { ...defaults.idempotency, ...options.idempotency },
    rateLimit: defaults.rateLimit,
    trustedDocuments: options.trustedDocuments,
  });
  const running: RunningServer = await app.listen(0);
  return {
    url: running.url,
    httpServer: running.httpServer,
    live: running.live,
    dataVersion,
    async query<T>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Readonly<Record<string, string>> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
    },
    stop: async () => {
      dataVersion.stopPolling();
      await running.stop();
    },
  };
}

/**
 * A read that sets a test server up, tried again while the database times it out. The data version's read
 * carries the service's own 1 s timeout; right after the run's database was started and seeded on a loaded
 * machine, its cold JVM answered later than that and failed whole files in their beforeAll, which was not
 * what any of them tests. Up to a minute; any other error, or a minute of timeouts, fails the set-up as before.
 */
async function setUpRead<T>(read: () => Promise<T>): Promise<T> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      const timedOut = error instanceof Error && /not completed within the timeout/.test(error.message);
      if (!timedOut || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
