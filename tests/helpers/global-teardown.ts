import { rmSync } from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/db/embedded-neo4j';

/**
 * Stops the test Neo4j and removes its temporary data directory and the run's build record, so no process or file
 * outlives the run.
 */
export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __testNeo4j?: EmbeddedNeo4j }).__testNeo4j;
  await neo4j?.stop();
  const data = process.env.TEST_NEO4J_DATA;
  if (data === undefined) return;
  rmSync(data, { recursive: true, force: true });
  // The run's build record (tests/helpers/service-build.ts), named after the data directory.
  rmSync(`${data}-build`, { recursive: true, force: true });
}
