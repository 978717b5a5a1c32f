import { CypherRegistry } from '../../src/db/cypher-registry';
import { createDriver } from '../../src/db/driver';
import { GraphGateway } from '../../src/db/graph-gateway';
import { seedDatabase } from '../../src/ingest/load/seed-database';
import { readSeedFile } from '../../src/ingest/load/seed-file';
import { applySchema } from '../../src/db/apply-schema';

/** Loads seed/graph.json (or only the schema, before ingestion exists) into the test database. */
export async function seedTestDatabase(uri: string, password: string): Promise<void> {
  const driver = createDriver({ uri, user: 'neo4j', password });
  const cypher = CypherRegistry.load();
  const gateway = new GraphGateway(driver, 'neo4j', cypher);
  try {
    const seed = readSeedFile();
    if (seed) await seedDatabase(gateway, cypher, seed, () => undefined);
    else await applySchema(gateway, cypher);
  } finally {
    await driver.close();
  }
}
