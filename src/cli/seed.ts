import 'reflect-metadata';
import { exitWithFailure } from './command-failure';
import { loadConfig } from '../core/config';
import { CypherRegistry } from '../db/cypher-registry';
import { openDatabase } from '../db/database-runtime';
import { GraphGateway } from '../db/graph-gateway';
import { seedDatabase } from '../ingest/load/seed-database';
import { readSeedFile, SEED_GRAPH_PATH } from '../ingest/load/seed-file';

/**
 * `npm run seed`: (re)loads seed/graph.json into the configured database (embedded unless NEO4J_URI: the one
 * `npm start` runs, else one started for the load), printing progress and the summary. Loading the same seed
 * twice changes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const seed = readSeedFile();
  if (!seed) throw new Error(`${SEED_GRAPH_PATH} does not exist: run \`npm run ingest\` first`);
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  // Which database is used goes to stderr, as for the other commands. While `npm start` runs, its embedded
  // database is reloaded (the service notices the new data version within its recheck interval).
  const database = await openDatabase(config, (line) => void process.stderr.write(`${line}\n`), {
    name: 'npm run seed',
    joinRunning: true,
  });
  const cypher = CypherRegistry.load();
  try {
    await seedDatabase(new GraphGateway(database.driver, database.database, cypher), cypher, seed, log);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => exitWithFailure('seed', error));
