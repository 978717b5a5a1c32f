import type { Driver } from 'neo4j-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { createDriver } from '../../src/db/driver';
import { GraphGateway } from '../../src/db/graph-gateway';

/** The URI of the test run's embedded Neo4j (started by tests/helpers/global-setup.ts). */
export function testNeo4jUri(): string {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri)
    throw new Error('TEST_NEO4J_URI is not set: integration tests must run through jest (global setup starts Neo4j)');
  return uri;
}

export interface TestDatabase {
  readonly driver: Driver;
  readonly cypher: CypherRegistry;
  readonly gateway: GraphGateway;
  close(): Promise<void>;
}

/** A driver and gateway on the test database; close it in afterAll. */
export function openTestDatabase(uri: string = testNeo4jUri()): TestDatabase {
  const driver = createDriver({ uri, user: 'neo4j', password: '' });
  const cypher = CypherRegistry.load();
  return { driver, cypher, gateway: new GraphGateway(driver, 'neo4j', cypher), close: () => driver.close() };
}
