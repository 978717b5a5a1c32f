import type { CypherRegistry } from '../../db/cypher-registry';
import type { GraphGateway } from '../../db/graph-gateway';
import { seedDatabase } from './seed-database';
import { readSeedFile, type SeedFile } from './seed-file';

/**
 * Start-up's seeding rule: load seed/graph.json when the database holds no graph, or holds a graph built
 * from a different seed file (a new version, or a rollback to an older one); otherwise leave the database
 * alone. Several instances starting on one database load a new seed once: the first to take the load's lock
 * loads it in one transaction while instances already running keep serving the previous graph, and the
 * others find it loaded when they get the lock (graph-loader.ts).
 */
export async function seedIfEmpty(
  gateway: GraphGateway,
  cypher: CypherRegistry,
  log: (line: string) => void,
  seed: SeedFile | undefined = readSeedFile(),
  details: (line: string) => void = log,
): Promise<void> {
  if (!seed) {
    log('no seed/graph.json yet: serving an empty graph (run `npm run ingest` to build it)');
    return;
  }
  const [info] = await gateway.read('load/read-seed-info');
  const nodes = Number(info?.nodes ?? 0);
  if (nodes > 0 && info?.hash === seed.hash) {
    log(`graph up to date (${nodes} nodes from seed ${seed.hash.slice(0, 12)})`);
    return;
  }
  log(nodes === 0 ? 'database is empty: loading the seed graph' : 'database holds another seed: reloading');
  await seedDatabase(gateway, cypher, seed, log, 'skip', details);
}
