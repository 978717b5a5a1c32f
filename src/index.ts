import 'reflect-metadata';
import { createAuthenticator } from './auth/authenticator';
import { ConfigError, loadConfig } from './config';
import { applySchema } from './db/apply-schema';
import { CypherRegistry } from './db/cypher-registry';
import { dataVersionGateway, openDatabase, requestGateway, type DatabaseRuntime } from './db/database-runtime';
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
  const database = await openDatabase(config, log);
  let server: RunningServer | undefined;
  let dataVersion: DataVersion | undefined;

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping`);
    const started = Date.now();
    await server?.stop();
    dataVersion?.stopPolling();
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
    const gateway = requestGateway(database, cypher);
    await prepare(gateway, cypher, database);
    const graphSizes = new GraphStatistics();
    await graphSizes.refresh(gateway).then(
      () => log('query cost limit: list sizes read from the loaded graph'),
      (error: unknown) => log(`query cost limit: list sizes unread (${String(error)}); assuming large lists`),
    );
    dataVersion = await DataVersion.read(dataVersionGateway(database, cypher));
    // Writes through other instances on the same database show within the poll interval (README "Several instances").
    dataVersion.startPolling(config.dataVersionPollMs);
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
    });
    server = await app.listen(config.port, config.host);
    log(`GraphQL ready at ${server.url}/graphql (health: ${server.url}/health/ready)`);
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
