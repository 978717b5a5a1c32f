import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { embeddedPassword } from '../../src/db/embedded-password';
import { ensureIdeAssets } from '../../src/web/ide/build-ide-assets';
import { freePort } from './free-port';
import { seedTestDatabase } from './seed-test-database';

/**
 * Builds the IDE's bundles unless current (src/web/ide/build-ide-assets.ts), then starts the integration tests' own embedded Neo4j on a free port with a fresh temporary data directory,
 * seeds it with seed/graph.json, and tells the tests where it is and how to log in through TEST_NEO4J_URI and
 * TEST_NEO4J_PASSWORD (generated into the data directory as the service does). Nothing of the developer's
 * own database (.data/) is touched.
 */
export default async function globalSetup(): Promise<void> {
  // Every test server serves the IDE, whose files a build makes (a minute, once; nothing when current).
  if (await ensureIdeAssets()) process.stderr.write('\nIDE bundles built for the tests\n');
  const dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-test-'));
  const started = Date.now();
  const { password } = embeddedPassword(dataDirectory, undefined);
  const neo4j = await EmbeddedNeo4j.start({
    password,
    port: await freePort(),
    dataDirectory,
    heapMb: 768,
    pageCacheMb: 64,
    log: (line) => process.stderr.write(`[test neo4j] ${line}\n`),
  });
  process.env.TEST_NEO4J_URI = neo4j.boltUri;
  process.env.TEST_NEO4J_PASSWORD = password;
  process.env.TEST_NEO4J_DATA = dataDirectory;
  (globalThis as { __testNeo4j?: EmbeddedNeo4j }).__testNeo4j = neo4j;
  await seedTestDatabase(neo4j.boltUri, password);
  process.stderr.write(
    `\ntest Neo4j at ${neo4j.boltUri} ready and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
