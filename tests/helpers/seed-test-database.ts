import { CypherRegistry } from '../../src/db/cypher-registry';
import { createDriver } from '../../src/db/driver';
import { GraphGateway } from '../../src/db/graph-gateway';
import { seedDatabase } from '../../src/ingest/load/seed-database';
import { readSeedFile } from '../../src/ingest/load/seed-file';
import { applySchema } from '../../src/db/apply-schema';

/** Loads seed/graph.json (or only the schema, before ingestion exists) into the test database. */
export async function seedTestDatabase(uri: string, password: string): Promise<void> {
  const driver = createDriver({ uri, user: 'neo4j', password });
  try {
    await seedThrough(new GraphGateway(driver, 'neo4j', CypherRegistry.load()));
  } finally {
    await driver.close();
  }
}

/** Loads seed/graph.json (or only the schema) through a gateway a test already holds. */
export async function seedThrough(gateway: GraphGateway): Promise<void> {
  const cypher = CypherRegistry.load();
  const seed = readSeedFile();
  if (seed) await seedDatabase(gateway, cypher, seed, () => undefined);
  else await applySchema(gateway, cypher);
}
