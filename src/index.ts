// First: the process starts again with V8's heap sized from MEMORY_LIMIT_MB (src/core/heap-limit.ts).
import './core/relaunch-first';
import 'reflect-metadata';
import { createAuthenticator } from './platform/auth/authenticator';
import { ConfigError, loadConfig, type Config } from './core/config';
import { withProgress } from './core/progress-while-running';
import { applySchema } from './db/apply-schema';
import { CypherRegistry } from './db/cypher-registry';
import { dataVersionGateway, openDatabase, requestGateway, type DatabaseRuntime } from './db/database-runtime';
import type { DatabaseLogs } from './db/database-log';
import { GraphGateway } from './db/graph-gateway';
import { seedIfEmpty } from './ingest/load/seed-if-empty';
import { readSeedFile } from './ingest/load/seed-file';
import { GraphStatistics } from './platform/graphql/limits/graph-statistics';
import { createLogger, stdoutDestination, type Logger, type LogLevel } from './platform/observability/logger';
import { DASHBOARD_PATH } from './web/dashboard/dashboard-page';
import { gradeScale } from './write/progress-grades';
import { outlookReference } from './graph/outlook-reference';
import { graphSchema } from './schema';
import { DataVersion } from './platform/service/data-version';
import { stopWhenParentExits } from './platform/service/parent-watch';
import { listenForMetrics, type MetricsListener } from './platform/observability/metrics/metrics-listener';
import { ServiceMetrics } from './platform/observability/metrics/service-metrics';
import { MemoryGuard } from './platform/service/memory-guard';
import { statementMetrics } from './platform/observability/metrics/statement-metrics';
import { watchDatabase } from './platform/observability/metrics/watch-database';
import { createServer, type RunningServer, type ServerDeps } from './server';
import type { RequestTracing } from './platform/observability/tracing/request-tracing';

/** Readable text when a person watches the log in a terminal, else JSON lines. */
const pretty = process.stdout.isTTY === true;

/**
 * The fields of a start-up or shutdown line, for a collector reading JSON; on a terminal the message already says
 * them, and pino-pretty would print each under it on a line of its own.
 */
const forCollectors = (fields: object): object => (pretty ? {} : fields);

/** Standard output for JSON lines, shared by the process's loggers (start-up, then configured) in line order. */
const stdout = pretty ? undefined : stdoutDestination();

/** The process's logger. */
const loggerAt = (level: LogLevel): Logger => createLogger({ level, pretty, destination: stdout });

/** Until the configuration is read (LOG_LEVEL among it), start-up problems are told at the default level. */
let logger = loggerAt('info');

/**
 * `npm start -- --verbose` (src/cli/commands.json; scripts/run-command.js has refused any other option): the seed
 * load's line per label and its report at info, as `npm run seed` prints them, rather than at debug.
 */
const verbose = process.argv.slice(2).includes('--verbose');

/**
 * Start-up in order: configuration → database (embedded unless NEO4J_URI) → schema → seed when empty →
 * HTTP. Shutdown in reverse on SIGINT/SIGTERM: HTTP drained, driver closed, embedded database stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger = loggerAt(config.logLevel);
  const startup = logger.child({ event: 'startup' });
  const log = (line: string): void => startup.info(line);
  const cypher = CypherRegistry.load();
  // Reviewed reference data the resolvers grade with: a malformed file stops the start, not a later request.
  gradeScale();
  outlookReference();
  // The OpenTelemetry SDK is loaded only when asked for: without OTEL_EXPORTER_OTLP_ENDPOINT nothing of it runs.
  const tracing = config.tracing
    ? (await import('./platform/observability/tracing/start-tracing')).startTracing(logger)
    : undefined;
  const database = await openDatabase(config, databaseLogsOf(logger));
  // Recorded only when served (METRICS_PORT or METRICS_TOKEN): nothing is spent on metrics nobody can read.
  const served = config.metrics.port !== undefined || config.metrics.token !== undefined;
  const metrics = served ? new ServiceMetrics() : undefined;
  const running: Running = { database, tracing };
  stopOnSignals(running);

  try {
    const requests = requestGateway(database, cypher);
    const observed = metrics ? requests.observing(statementMetrics(metrics)) : requests;
    const gateway = tracing ? observed.observing(tracing.statementObserver) : observed;
    // What /health/ready and the database_up gauge ask: a driver of its own (see createReadinessDriver).
    const readiness = new GraphGateway(database.readinessDriver, database.database, cypher);
    if (metrics) watchDatabase(metrics, database, readiness);
    await prepare(gateway, cypher, database, log);
    const graphSizes = new GraphStatistics();
    await graphSizes.refresh(gateway).then(
      () => log('query cost limit: list sizes read from the loaded graph'),
      (error: unknown) => log(`query cost limit: list sizes unread (${String(error)}); assuming large lists`),
    );
    const dataVersion = await DataVersion.read(dataVersionGateway(database, cypher));
    running.dataVersion = dataVersion;
    // Writes through other instances on the same database show within the poll interval (docs/operators.md "Deploy").
    dataVersion.startPolling(config.dataVersionPollMs);
    log(`serving data version ${dataVersion.current().slice(0, 12)}`);
    metrics?.watchDataVersion(dataVersion);
    const memoryGuard = new MemoryGuard(config.memory, logger.child({ component: 'memory' }));
    memoryGuard.start();
    log(`memory limit ${config.memory.limitMb} MiB (V8 old space ${config.memory.oldSpaceMb} MiB)`);
    const opened = { gateway, readiness, dataVersion, graphSizes, database, tracing, metrics, memoryGuard };
    const app = await createServer(Object.assign({ schema: await graphSchema() }, serverDeps(config, opened)));
    // Before listening: the first visitor after a start waits no longer than the next one.
    log(await withProgress(app.planExamples(), log, "planning the IDE's example queries"));
    log(await withProgress(app.planDashboardQueries(), log, "planning the dashboard's first requests"));
    const server = await app.listen(config.port, config.host);
    running.server = server;
    startup.info(
      forCollectors({ url: server.url, logLevel: config.logLevel }),
      `GraphQL ready at ${server.url}/graphql (its IDE there too), dashboard at ${server.url}${DASHBOARD_PATH} ` +
        `(health: ${server.url}/health/ready)`,
    );
    if (config.tracing) log(`traces sent to ${config.tracing.endpoint} (OTLP/HTTP)`);
    if (metrics && config.metrics.port !== undefined) {
      running.metricsListener = await listenForMetrics(metrics, config.metrics.port, config.metrics.host);
      log(`metrics at ${running.metricsListener.url}`);
    }
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** What a stop closes, as far as the start got. */
interface Running {
  readonly database: DatabaseRuntime;
  readonly tracing: RequestTracing | undefined;
  server?: RunningServer;
  metricsListener?: MetricsListener;
  dataVersion?: DataVersion;
}

/**
 * Shutdown in reverse on SIGINT/SIGTERM, or when the parent process ends (parent-watch.ts): HTTP drained,
 * driver closed, embedded database stopped; once, whatever signals follow the first.
 */
function stopOnSignals(running: Running): void {
  let stopping = false;
  const stopLog = logger.child({ event: 'shutdown' });
  const shutdown = async (signal: string | undefined, why: string): Promise<void> => {
    stopLog.info(forCollectors({ signal }), `${why}: stopping`);
    const started = Date.now();
    await running.server?.stop();
    await running.metricsListener?.close();
    running.dataVersion?.stopPolling();
    stopLog.info(forCollectors({ durationMs: Date.now() - started }), `HTTP drained (${Date.now() - started} ms)`);
    await running.database.close();
    // Spans still batched are sent now; a collector that does not take them must not fail the stop.
    await running.tracing?.shutdown().catch((error: unknown) => stopLog.warn({ err: error }, 'traces not all sent'));
    stopLog.info(
      forCollectors({ durationMs: Date.now() - started }),
      `database closed; stopped in ${Date.now() - started} ms`,
    );
  };
  const stop = (signal: string | undefined, why: string): void => {
    // Ctrl-C on a terminal reaches the service twice: from the terminal (the foreground job's processes) and again
    // from `npm start`, which passes its own on. A signal during the stop leaves it to finish: with `once`, the
    // second SIGINT met Node's default and killed the process before the database was closed.
    if (stopping) return;
    stopping = true;
    shutdown(signal, why).then(
      () => process.exit(0),
      (error: unknown) => {
        stopLog.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal, `${signal} received`));
  stopWhenParentExits(() => stop(undefined, 'the parent process ended'));
}

/** What the HTTP front is built from: the configuration and what the start has opened. */
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
    http: config.http,
    live: config.live,
    export: config.export,
    databaseHealth: opened.database.health,
    dataDirectory: opened.database.dataDirectory,
    logger,
    tracing: opened.tracing,
    metrics: opened.metrics,
    metricsToken: config.metrics.token,
    signIn: config.signIn,
    idempotency: config.idempotency,
    rateLimit: config.rateLimit,
    memory: config.memory,
    memoryGuard: opened.memoryGuard,
  };
}

async function prepare(
  gateway: GraphGateway,
  cypher: CypherRegistry,
  database: DatabaseRuntime,
  log: (line: string) => void,
): Promise<void> {
  const commands = await withProgress(applySchema(gateway, cypher), log, 'applying the schema');
  log(`schema applied (${commands} constraint and index commands) on ${database.uri}`);
  // The load's line per label and its report (the table per label, unresolved references, discrepancies) at debug:
  // on a terminal they were 60 lines of a data maintainer's business; `npm run seed` and --verbose print them.
  const details = verbose ? log : (line: string) => logger.debug({ event: 'startup' }, line);
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    logger.fatal({ event: 'startup' }, `configuration error: ${error.message}`);
    process.exit(2);
  }
  logger.fatal({ event: 'startup', err: error }, 'start-up failed');
  process.exit(1);
});
