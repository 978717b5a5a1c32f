import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedNeo4j } from '../../../src/db/embedded-neo4j';
import { embeddedPassword } from '../../../src/db/embedded-password';
import type { GraphFile } from '../../../src/graph/graph-model';
import { readSeedFile, type SeedFile } from '../../../src/ingest/load/seed-file';
import { seedIfEmpty } from '../../../src/ingest/load/seed-if-empty';
import { freePort } from '../../helpers/free-port';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { REMOVED_MEASURE, RENAMED_MEASURE } from '../../helpers/test-edition';
import { AGREEMENT_READS, countVersionReads, GIVE_UP_MS } from '../../helpers/version-reads';

/**
 * An upgrade whose new version brings a new seed, as docs/operators.md "Upgrades and rollbacks" runs it: an
 * instance of the old version serves while two instances of the new one start on the same database. The new
 * seed renames measure 5-4-3 (its nodes are written first in the load) and drops measure 5-4-4 (deleted last),
 * so a reader that ever saw a half-loaded graph would see the new name beside the dropped measure. Uses a
 * Neo4j of its own: the shared test database must keep the committed seed.
 *
 * What Neo4j promises, and so what is asserted: a reader sees committed data only, and the load commits at once.
 * It reads committed data as it goes, not a snapshot: a request (several statements), even one statement,
 * running at the instant of the commit may read 5-4-3 before it and 5-4-4 after it (the old name, 5-4-4 gone).
 * The reverse (the new name with 5-4-4 still there) is what only a half-loaded graph can show.
 */
describe('a new seed under an instance serving the old one', () => {
  jest.setTimeout(240_000);

  const OLD = readSeedFile();
  if (OLD === undefined) throw new Error('seed/graph.json is missing: run `npm run ingest`');
  const NEW = editionOf(OLD.graph);
  /** One question whose answer tells which graph answered it (both ids are read by one statement, in order). */
  const QUESTION = `{
    renamed: node(id: "${RENAMED_MEASURE.id}") { ... on Measure { name } }
    removed: node(id: "${REMOVED_MEASURE.id}") { id }
  }`;
  interface Answer {
    renamed: { name: string } | null;
    removed: { id: string } | null;
  }

  let port: number;
  let dataDirectory: string;
  let password: string;
  let neo4j: EmbeddedNeo4j;
  const databases: TestDatabase[] = [];
  let serving: TestServer;
  const open = (): TestDatabase => {
    const db = openTestDatabase(neo4j.boltUri, password);
    databases.push(db);
    return db;
  };

  beforeAll(async () => {
    port = await freePort();
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-upgrade-'));
    password = embeddedPassword(dataDirectory, undefined).password;
    neo4j = await EmbeddedNeo4j.start({
      port,
      dataDirectory,
      password,
      heapMb: 512,
      pageCacheMb: 32,
      log: () => undefined,
    });
    const old = open();
    await seedIfEmpty(old.gateway, old.cypher, () => undefined, OLD);
    // The old version's instance, polling the data version as every instance does (DATA_VERSION_POLL_MS).
    serving = await startTestServer(old.gateway, { dataVersionPollMs: 200 });
  });

  afterAll(async () => {
    await serving?.stop();
    await Promise.all(databases.map((db) => db.close()));
    await neo4j?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('is loaded once by two new instances, while the old one serves whole graphs, then switches', async () => {
    const before = (await serving.query<Answer>(QUESTION)).data;
    expect(before?.renamed?.name).toBe(RENAMED_MEASURE.before);
    expect(before?.removed?.id).toBe(REMOVED_MEASURE.id);

    // Readers on the old instance throughout.
    const answers: { at: number; answer?: Answer; errors?: unknown }[] = [];
    let reading = true;
    const readers = Array.from({ length: 2 }, async () => {
      while (reading) {
        const response = await serving.query<Answer>(QUESTION);
        answers.push({ at: Date.now(), answer: response.data ?? undefined, errors: response.errors });
      }
    });

    // Two instances of the new version start at once on the new seed.
    const reads = countVersionReads(serving.dataVersion, (version) => version === NEW.hash);
    const logs: string[][] = [[], []];
    const started = Date.now();
    await Promise.all(
      logs.map((lines) => {
        const db = open();
        return seedIfEmpty(db.gateway, db.cypher, (line) => lines.push(line), NEW);
      }),
    );
    const loadedAt = Date.now();
    reads.written();
    // The old instance serves the new graph once its poll sees the new seed's hash.
    while (serving.dataVersion.current() !== NEW.hash && Date.now() - loadedAt < GIVE_UP_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const switchedAt = Date.now();
    reads.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    reading = false;
    await Promise.all(readers);

    // Exactly one loaded; the other waited for its lock and loaded nothing.
    const loaders = logs.filter((lines) => lines.some((line) => /^loaded in /.test(line)));
    const waiters = logs.filter((lines) => lines.some((line) => /another instance loaded seed/.test(line)));
    expect({ loaders: loaders.length, waiters: waiters.length }).toEqual({ loaders: 1, waiters: 1 });
    expect(serving.dataVersion.current()).toBe(NEW.hash);
    // At its next poll (DATA_VERSION_POLL_MS 200 here): counted in the instance's reads of the version, which a
    // loaded machine delays but does not multiply.
    process.stderr.write(
      `seed upgrade: old instance switched ${switchedAt - loadedAt} ms after the load, at its read ${reads.readsToChange()} after it\n`,
    );
    expect(reads.readsToChange()).toBeDefined();
    expect(reads.readsToChange()).toBeLessThanOrEqual(AGREEMENT_READS);

    // No answer failed, and none saw a half-loaded graph (the new name while 5-4-4 was still there).
    expect(answers.filter((entry) => entry.errors !== undefined)).toEqual([]);
    const states = answers.map(({ answer }) => {
      const renamed = answer?.renamed?.name === RENAMED_MEASURE.after;
      const removed = answer?.removed === null;
      if (renamed && !removed) return 'half-loaded';
      return renamed ? 'new' : removed ? 'at the commit' : 'old';
    });
    expect(states.filter((state) => state === 'half-loaded')).toEqual([]);
    // The old graph was served while the new one loaded, and the new one after the switch.
    const servedDuringLoad = answers.filter(({ at }) => at > started && at < loadedAt).length;
    expect(servedDuringLoad).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('new');
  });

  it('is rolled back by starting the old version again: its seed is loaded back, whole', async () => {
    const db = open();
    const lines: string[] = [];
    await seedIfEmpty(db.gateway, db.cypher, (line) => lines.push(line), OLD);
    expect(lines).toContain('database holds another seed: reloading');
    const after = (await startTestServer(db.gateway).then(async (server) => {
      try {
        return (await server.query<Answer>(QUESTION)).data;
      } finally {
        await server.stop();
      }
    })) as Answer;
    expect(after.renamed?.name).toBe(RENAMED_MEASURE.before);
    expect(after.removed?.id).toBe(REMOVED_MEASURE.id);
  });
});

/** The committed seed with measure 5-4-3 renamed and measure 5-4-4 gone (with its relationships). */
function editionOf(graph: GraphFile): SeedFile {
  const edited: GraphFile = {
    ...graph,
    nodes: graph.nodes
      .filter((node) => node.id !== REMOVED_MEASURE.id)
      .map((node) =>
        node.id === RENAMED_MEASURE.id
          ? { ...node, properties: { ...node.properties, name: RENAMED_MEASURE.after } }
          : node,
      ),
    relationships: graph.relationships.filter(
      (relationship) => relationship.from !== REMOVED_MEASURE.id && relationship.to !== REMOVED_MEASURE.id,
    ),
  };
  return { graph: edited, hash: createHash('sha256').update(JSON.stringify(edited)).digest('hex') };
}
