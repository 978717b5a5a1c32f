import 'reflect-metadata';
import { createAuthenticator } from './auth/authenticator';
import { ConfigError, loadConfig } from './config';
import { applySchema } from './db/apply-schema';
import { CypherRegistry } from './db/cypher-registry';
import { openDatabase, requestGateway, type DatabaseRuntime } from './db/database-runtime';
import { GraphGateway } from './db/graph-gateway';
import { seedIfEmpty } from './ingest/load/seed-if-empty';
import { GraphStatistics } from './graphql/limits/graph-statistics';
import { gradeScale } from './records/progress-grades';
import { graphSchema } from './schema';
import { DataVersion } from './service/data-version';
import { listenForMetrics, type MetricsListener } from './observability/metrics/metrics-listener';
import { ServiceMetrics } from './observability/metrics/service-metrics';
import { statementMetrics } from './observability/metrics/statement-metrics';
import { watchDatabase } from './observability/metrics/watch-database';
import { createServer, type RunningServer } from './server';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

/**
 * Start-up in order: configuration → database (embedded unless NEO4J_URI) → schema → seed when empty →
 * HTTP. Shutdown in reverse on SIGINT/SIGTERM: HTTP drained, driver closed, embedded database stopped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const cypher = CypherRegistry.load();
  // Reviewed reference data the resolvers grade with: a malformed file stops the start, not a later request.
  gradeScale();
  const database = await openDatabase(config, log);
  let server: RunningServer | undefined;
  let metricsListener: MetricsListener | undefined;
  // Recorded only when served (METRICS_PORT or METRICS_TOKEN): nothing is spent on metrics nobody can read.
  const served = config.metrics.port !== undefined || config.metrics.token !== undefined;
  const metrics = served ? new ServiceMetrics() : undefined;

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping`);
    const started = Date.now();
    await server?.stop();
    await metricsListener?.close();
    log(`HTTP drained (${Date.now() - started} ms)`);
    await database.close();
    log(`database closed; stopped in ${Date.now() - started} ms`);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          log(`error while stopping: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }

  try {
    const requests = requestGateway(database, cypher);
    const gateway = metrics ? requests.observing(statementMetrics(metrics)) : requests;
    if (metrics) watchDatabase(metrics, database);
    await prepare(gateway, cypher, database);
    const graphSizes = new GraphStatistics();
    await graphSizes.refresh(gateway).then(
      () => log('query cost limit: list sizes read from the loaded graph'),
      (error: unknown) => log(`query cost limit: list sizes unread (${String(error)}); assuming large lists`),
    );
    const dataVersion = await DataVersion.read(gateway);
    log(`serving data version ${dataVersion.current().slice(0, 12)}`);
    metrics?.watchDataVersion(dataVersion);
    const app = await createServer({
      schema: await graphSchema(),
      gateway,
      readiness: new GraphGateway(database.readinessDriver, database.database, cypher),
      dataVersion,
      introspection: config.introspection,
      reportCost: config.nodeEnv !== 'production',
      queryLimits: config.queryLimits,
      graphSizes,
      authenticate: createAuthenticator(config.auth),
      requestBudget: config.requestBudget,
      http: config.http,
      export: config.export,
      databaseHealth: database.health,
      metrics,
      metricsToken: config.metrics.token,
    });
    server = await app.listen(config.port, config.host);
    log(`GraphQL ready at ${server.url}/graphql (health: ${server.url}/health/ready)`);
    if (metrics && config.metrics.port !== undefined) {
      metricsListener = await listenForMetrics(metrics, config.metrics.port, config.metrics.host);
      log(`metrics at ${metricsListener.url}`);
    }
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function prepare(gateway: GraphGateway, cypher: CypherRegistry, database: DatabaseRuntime): Promise<void> {
  const commands = await applySchema(gateway, cypher);
  log(`schema applied (${commands} constraint and index commands) on ${database.uri}`);
  await seedIfEmpty(gateway, cypher, log);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
