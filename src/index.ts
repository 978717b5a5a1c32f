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
  // The OpenTelemetry SDK is loaded only when asked for: without OTEL_EXPORTER_OTLP_ENDPOINT nothing of it runs.
  const tracing = config.tracing ? (await import('./observability/tracing/start-tracing')).startTracing() : undefined;
  const database = await openDatabase(config, log);
  let server: RunningServer | undefined;

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping`);
    const started = Date.now();
    await server?.stop();
    log(`HTTP drained (${Date.now() - started} ms)`);
    await database.close();
    await tracing?.shutdown();
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
    const gateway = tracing ? requests.observing(tracing.statementObserver) : requests;
    await prepare(gateway, cypher, database);
    const graphSizes = new GraphStatistics();
    await graphSizes.refresh(gateway).then(
      () => log('query cost limit: list sizes read from the loaded graph'),
      (error: unknown) => log(`query cost limit: list sizes unread (${String(error)}); assuming large lists`),
    );
    const dataVersion = await DataVersion.read(gateway);
    log(`serving data version ${dataVersion.current().slice(0, 12)}`);
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
      tracing,
    });
    server = await app.listen(config.port, config.host);
    log(`GraphQL ready at ${server.url}/graphql (health: ${server.url}/health/ready)`);
    if (config.tracing) log(`traces sent to ${config.tracing.endpoint} (OTLP/HTTP)`);
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
