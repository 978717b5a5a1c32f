import 'reflect-metadata';
import { createAuthenticator } from './platform/auth/authenticator';
import { OperationManifest } from './platform/graphql/trusted-documents/operation-manifest';
import type { Config } from './core/config';
import { withProgress } from './core/progress-while-running';
import { applySchema } from './db/apply-schema';
import { CypherRegistry } from './db/cypher-registry';
import { dataVersionGateway, openDatabase, requestGateway, type DatabaseRuntime } from './db/database-runtime';
import type { DatabaseLogs } from './db/database-log';
import { GraphGateway } from './db/graph-gateway';
import { seedIfEmpty } from './ingest/load/seed-if-empty';
import { readSeedFile } from './ingest/load/seed-file';
import { GraphStatistics } from './platform/graphql/limits/graph-statistics';
import type { Logger } from './platform/observability/logger';
import { DASHBOARD_PATH } from './web/dashboard/dashboard-page';
import { gradeScale } from './write/progress-grades';
import { outlookReference } from './graph/outlook-reference';
import { graphSchema } from './schema';
import { DataVersion } from './platform/service/data-version';
import { listenForMetrics, type MetricsListener } from './platform/observability/metrics/metrics-listener';
import { ServiceMetrics } from './platform/observability/metrics/service-metrics';
import { MemoryGuard } from './platform/service/memory-guard';
import { statementMetrics } from './platform/observability/metrics/statement-metrics';
import { watchDatabase } from './platform/observability/metrics/watch-database';
import { createServer, type RunningServer, type ServerDeps } from './server';
import type { HttpListener } from './platform/http/http-listener';
import type { StartUpProgress } from './platform/service/start-up-progress';
import type { RequestTracing } from './platform/observability/tracing/request-tracing';

/** What src/index.ts has made before the service's modules are loaded: the port listens already. */
export interface ServiceStart {
  readonly config: Config;
  readonly logger: Logger;
  readonly listener: HttpListener;
  readonly progress: StartUpProgress;
  /** What a stop closes: filled in as the start opens each part. */
  readonly running: Running;
  /** `npm start -- --verbose`: the seed load's details at info. */
  readonly verbose: boolean;
  /** The fields of a start-up line for a collector reading JSON (none on a terminal, whose message says them). */
  readonly forCollectors: (fields: object) => object;
}

/** What a stop closes, as far as the start got. */
export interface Running {
  readonly listener: HttpListener;
  /** Set by the first signal: a start still under way does not announce itself ready after it. */
  stopping: boolean;
  database?: DatabaseRuntime;
  tracing?: RequestTracing;
  server?: RunningServer;
  metricsListener?: MetricsListener;
  dataVersion?: DataVersion;
}

/**
 * The service's start once its port listens (src/index.ts): database (embedded unless NEO4J_URI) → schema →
 * seed when empty → the routes served → the IDE's examples and the dashboard's first requests planned in the
 * background, after which /health/ready answers from its checks. Loaded by src/index.ts only after it listens:
 * these modules (Apollo, type-graphql, the driver, the loader) took 1–1.5 s to load, during which nothing
 * answered /health/live.
 */
export async function startService(start: ServiceStart): Promise<void> {
  const { config, logger, listener, progress, running, forCollectors } = start;
  const startup = logger.child({ event: 'startup' });
  const log = (line: string): void => startup.info(line);
  const url = listener.url;
  const cypher = CypherRegistry.load();
  // Reviewed reference data the resolvers grade with: a malformed file stops the start, not a later request.
  gradeScale();
  outlookReference();
  const trustedDocuments = readTrustedDocuments(config, log);
  // The OpenTelemetry SDK is loaded only when asked for: without OTEL_EXPORTER_OTLP_ENDPOINT nothing of it runs.
  const tracing = config.tracing
    ? (await import('./platform/observability/tracing/start-tracing')).startTracing(logger)
    : undefined;
  running.tracing = tracing;
  progress.at(config.neo4j ? 'connecting to the database' : 'starting the embedded database');
  const database = await openDatabase(config, databaseLogsOf(logger));
  running.database = database;
  // Recorded only when served (METRICS_PORT or METRICS_TOKEN): nothing is spent on metrics nobody can read.
  const served = config.metrics.port !== undefined || config.metrics.token !== undefined;
  const metrics = served ? new ServiceMetrics() : undefined;

  try {
    const requests = requestGateway(database, cypher);
    const observed = metrics ? requests.observing(statementMetrics(metrics)) : requests;
    const gateway = tracing ? observed.observing(tracing.statementObserver) : observed;
    // What /health/ready and the database_up gauge ask: a driver of its own (see createReadinessDriver).
    const readiness = new GraphGateway(database.readinessDriver, database.database, cypher);
    if (metrics) watchDatabase(metrics, database, readiness);
    await prepare(gateway, cypher, database, log, start);
    progress.at("reading the graph's list sizes");
    const graphSizes = new GraphStatistics();
    await graphSizes.refresh(gateway).then(
      () => log('query cost limit: list sizes read from the loaded graph'),
      (error: unknown) => log(`query cost limit: list sizes unread (${String(error)}); assuming large lists`),
    );
    progress.at('reading the data version');
    const dataVersion = await DataVersion.read(dataVersionGateway(database, cypher));
    running.dataVersion = dataVersion;
    // Writes through other instances on the same database show within the poll interval (docs/operators.md "Deploy").
    dataVersion.startPolling(config.dataVersionPollMs);
    log(`serving data version ${dataVersion.current().slice(0, 12)}`);
    metrics?.watchDataVersion(dataVersion);
    progress.at('building the GraphQL schema');
    const opened = {
      gateway,
      readiness,
      dataVersion,
      graphSizes,
      database,
      tracing,
      metrics,
      progress,
      logger,
      trustedDocuments,
      memoryGuard: startMemoryGuard(config, cypher, logger, log),
    };
    const app = await createServer(
      Object.assign({ schema: await graphSchema() }, serverDeps(config, opened)),
      listener,
    );
    running.server = app.serve();
    log(`GraphQL served at ${url}/graphql; planning its first requests before it says it is ready`);
    if (config.tracing) log(`traces sent to ${config.tracing.endpoint} (OTLP/HTTP)`);
    if (metrics && config.metrics.port !== undefined) {
      running.metricsListener = await listenForMetrics(metrics, config.metrics.port, config.metrics.host);
      log(`metrics at ${running.metricsListener.url}`);
    }
    // In the background: requests are answered meanwhile, only their statements are not planned ahead.
    void planFirstRequests(app, progress, log).then(() => {
      if (running.stopping) return;
      progress.done();
      // The standby's JVM compiles the statements just planned, so a take-over plans them as fast.
      database.embedded?.warmStandbyNow();
      startup.info(
        forCollectors({ url, logLevel: config.logLevel, startedInMs: progress.elapsedMs() }),
        `GraphQL ready at ${url}/graphql${config.ide ? ' (its IDE there too)' : ''}, dashboard at ${url}${DASHBOARD_PATH} ` +
          `(health: ${url}/health/ready)`,
      );
    });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs the IDE's example queries, then the dashboard's first requests, once each, so that Neo4j has planned
 * their statements before a load balancer sends the first visitor (a dashboard page took 2 s right after a
 * start and 40 ms once planned). Each step names its count for /health/ready.
 */
async function planFirstRequests(
  app: { planExamples: PlanStep; planDashboardQueries: PlanStep },
  progress: StartUpProgress,
  log: (line: string) => void,
): Promise<void> {
  const examples = "planning the IDE's examples";
  log(await withProgress(app.planExamples(counting(progress, examples)), log, examples));
  const dashboard = "planning the dashboard's first requests";
  log(await withProgress(app.planDashboardQueries(counting(progress, dashboard)), log, dashboard));
}

type PlanStep = (progress: (ran: number, total: number) => void) => Promise<string>;

/** A planning step's count as the start's step: `planning the IDE's examples 12/28`. */
function counting(progress: StartUpProgress, what: string): (ran: number, total: number) => void {
  return (ran, total) => progress.at(`${what} ${ran}/${total}`);
}

/** What the HTTP front is built from: the configuration and what the start has opened. */
/**
 * The manifest of TRUSTED_DOCUMENTS, read at start: one that cannot be used stops the start before the database
 * does, naming the file and the entry. Undefined when any operation may run.
 */
function readTrustedDocuments(config: Config, log: (line: string) => void): OperationManifest | undefined {
  if (config.trustedDocuments === undefined) return undefined;
  const manifest = OperationManifest.read(config.trustedDocuments);
  log(
    `trusted documents: only the ${manifest.size} operations of ${manifest.source} run ` +
      `(IDE ${config.ide ? 'on' : 'off'}, introspection ${config.introspection ? 'on' : 'off'})`,
  );
  return manifest;
}

/** The guard that sheds the caches, then refuses requests, as the heap nears MEMORY_LIMIT_MB's share. */
function startMemoryGuard(
  config: Config,
  cypher: CypherRegistry,
  logger: Logger,
  log: (line: string) => void,
): MemoryGuard {
  const memoryGuard = new MemoryGuard(config.memory, logger.child({ component: 'memory' }), {
    idleMs: config.memory.idleMs,
  });
  // The statements composed by shape are tied to past traffic like the caches of apollo-server.ts: a wide read's
  // shape and statement are tens of KB, 500 of them kept.
  memoryGuard.onShed(() => cypher.composed.clear());
  memoryGuard.start();
  log(
    `memory limit ${config.memory.limitMb} MiB (V8 old space ${config.memory.oldSpaceMb} MiB, semi-space ${config.memory.semiSpaceMb} MiB), ` +
      `caches emptied after ${config.memory.idleMs / 1000} s idle`,
  );
  return memoryGuard;
}

function serverDeps(
  config: Config,
  opened: {
    readonly gateway: GraphGateway;
    readonly readiness: GraphGateway;
    readonly dataVersion: DataVersion;
    readonly graphSizes: GraphStatistics;
    readonly database: DatabaseRuntime;
    readonly tracing: RequestTracing | undefined;
    readonly metrics: ServiceMetrics | undefined;
    readonly progress: StartUpProgress;
    readonly logger: Logger;
    readonly trustedDocuments: OperationManifest | undefined;
    readonly memoryGuard: MemoryGuard;
  },
): Omit<ServerDeps, 'schema'> {
  return {
    gateway: opened.gateway,
    readiness: opened.readiness,
    dataVersion: opened.dataVersion,
    ide: config.ide,
    introspection: config.introspection,
    reportCost: config.nodeEnv !== 'production',
    queryLimits: config.queryLimits,
    graphSizes: opened.graphSizes,
    authenticate: createAuthenticator(config.auth),
    requestBudget: config.requestBudget,
    requestSlots: config.requestSlots,
    http: config.http,
    live: config.live,
    export: config.export,
    databaseHealth: opened.database.health,
    dataDirectory: opened.database.dataDirectory,
    logger: opened.logger,
    tracing: opened.tracing,
    metrics: opened.metrics,
    metricsToken: config.metrics.token,
    signIn: config.signIn,
    idempotency: config.idempotency,
    rateLimit: config.rateLimit,
    startUp: opened.progress,
    trustedDocuments: opened.trustedDocuments,
    memory: config.memory,
    memoryGuard: opened.memoryGuard,
  };
}

async function prepare(
  gateway: GraphGateway,
  cypher: CypherRegistry,
  database: DatabaseRuntime,
  log: (line: string) => void,
  { progress, verbose, logger }: ServiceStart,
): Promise<void> {
  progress.at('applying the schema');
  const commands = await withProgress(applySchema(gateway, cypher), log, 'applying the schema');
  log(`schema applied (${commands} constraint and index commands) on ${database.uri}`);
  // The load's line per label and its report (the table per label, unresolved references, discrepancies) at debug:
  // on a terminal they were 60 lines of a data maintainer's business; `npm run seed` and --verbose print them.
  const details = verbose ? log : (line: string) => logger.debug({ event: 'startup' }, line);
  progress.at('loading the seed when the database is empty');
  await seedIfEmpty(gateway, cypher, log, readSeedFile(), details);
}

/** The database layer's reports, each under its own `event`, at the level its source means. */
function databaseLogsOf(root: Logger): DatabaseLogs {
  const progress = root.child({ event: 'startup' });
  const supervisor = root.child({ event: 'database.supervisor' });
  const neo4j = root.child({ event: 'neo4j' });
  const driver = root.child({ event: 'neo4j-driver' });
  return {
    progress: (line) => progress.info(line),
    // Every supervisor report is about a database that died or is coming back: worth an operator's eye.
    supervisor: (line) => supervisor.warn(line),
    // The launcher's stderr is Neo4j's own start-up and shutdown chatter, and its failures' detail.
    neo4j: (line) => neo4j.info(line),
    // neo4j-driver's only error-level report is a connection it found broken ("experienced a fatal error", e.g. a
    // first connection timing out while a cold database starts, or one cut by a restart): it drops the connection
    // and opens another. What that costs the service is told by the operation that failed (SERVICE_UNAVAILABLE,
    // `database.unavailable`) and by readiness, so the driver's own line is a warning, not a second error.
    driver: (level, message) => driver[level === 'error' ? 'warn' : level](message),
  };
}
