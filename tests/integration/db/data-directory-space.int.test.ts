import { spawnSync } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { UNMANAGED_DATABASE } from '../../../src/db/database-health';
import { ServiceMetrics } from '../../../src/platform/observability/metrics/service-metrics';
import { watchDatabase } from '../../../src/platform/observability/metrics/watch-database';
import { readExposition, sampleValue, type Exposition } from '../../helpers/prometheus-text';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * The disk space of the embedded database's data directory, in /health/ready and as gauges, measured on the
 * test run's own Neo4j (its data directory is TEST_NEO4J_DATA) and compared with what the system says:
 * statfs for the filesystem, `du` for the directory.
 *
 * The machine's disk is shared with other test runs writing at the same time, and this run's Neo4j writes
 * its logs meanwhile: free space is compared within FREE_SLACK_BYTES, the directory within DU_SLACK_BYTES.
 */
const FREE_SLACK_BYTES = 256 * 1024 * 1024;
const DU_SLACK_BYTES = 16 * 1024 * 1024;
const TOKEN = 'disk-space-test-token-0123456789abcdefghij';

interface DataDirectoryDetails {
  freeBytes?: number;
  filesystemSizeBytes?: number;
  sizeBytes?: number;
  external?: boolean;
  reason?: string;
}

/** What the system says of the directory: statfs of its filesystem, and `du -s -B1` of the directory. */
async function systemView(directory: string): Promise<{ free: number; size: number; du: number }> {
  const filesystem = await statfs(directory);
  const du = spawnSync('du', ['-s', '-B1', directory], { encoding: 'utf8', timeout: 20_000 });
  if (du.status !== 0) throw new Error(`du failed: ${du.stderr}`);
  return {
    free: filesystem.bavail * filesystem.bsize,
    size: filesystem.blocks * filesystem.bsize,
    du: Number(du.stdout.split('\t')[0]),
  };
}

describe("the data directory's disk space", () => {
  jest.setTimeout(60_000);
  const directory = process.env.TEST_NEO4J_DATA ?? '';
  let db: TestDatabase;
  let metrics: ServiceMetrics;
  let server: TestServer;

  const readiness = async (of: TestServer): Promise<{ status: number; dataDirectory: DataDirectoryDetails }> => {
    const response = await fetch(`${of.url}/health/ready`);
    const body = (await response.json()) as { dataDirectory: DataDirectoryDetails };
    return { status: response.status, dataDirectory: body.dataDirectory };
  };
  const scrape = async (of: TestServer): Promise<Exposition> => {
    const response = await fetch(`${of.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return readExposition(await response.text());
  };

  beforeAll(async () => {
    if (directory === '') throw new Error('TEST_NEO4J_DATA is not set: run through jest (global setup sets it)');
    db = openTestDatabase();
    metrics = new ServiceMetrics();
    // As the composition root wires an embedded database (src/index.ts).
    watchDatabase(
      metrics,
      { driver: db.driver, embedded: undefined, health: UNMANAGED_DATABASE, dataDirectory: directory },
      db.gateway,
    );
    server = await startTestServer(db.gateway, { dataDirectory: directory, metrics, metricsToken: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("reports in /health/ready the free space statfs gives, the filesystem's size and the directory's as du counts it", async () => {
    const before = await systemView(directory);
    const { status, dataDirectory } = await readiness(server);
    const after = await systemView(directory);
    expect(status).toBe(200);
    expect(dataDirectory.filesystemSizeBytes).toBe(before.size);
    expect(dataDirectory.freeBytes).toBeGreaterThan(Math.min(before.free, after.free) - FREE_SLACK_BYTES);
    expect(dataDirectory.freeBytes).toBeLessThan(Math.max(before.free, after.free) + FREE_SLACK_BYTES);
    // A started Neo4j with the seed loaded takes megabytes (store files, transaction logs).
    expect(dataDirectory.sizeBytes).toBeGreaterThan(1024 * 1024);
    expect(Math.abs((dataDirectory.sizeBytes ?? 0) - before.du)).toBeLessThan(DU_SLACK_BYTES);
    expect(Object.keys(dataDirectory).sort()).toEqual(['filesystemSizeBytes', 'freeBytes', 'sizeBytes']);
  });

  it('exposes the same numbers as gauges at each scrape', async () => {
    const before = await systemView(directory);
    const exposition = await scrape(server);
    const after = await systemView(directory);
    for (const family of [
      'honjo_data_directory_free_bytes',
      'honjo_data_directory_filesystem_size_bytes',
      'honjo_data_directory_size_bytes',
    ]) {
      expect(exposition.types.get(family)).toBe('gauge');
    }
    expect(sampleValue(exposition, 'honjo_data_directory_filesystem_size_bytes')).toBe(before.size);
    const free = sampleValue(exposition, 'honjo_data_directory_free_bytes') ?? NaN;
    expect(free).toBeGreaterThan(Math.min(before.free, after.free) - FREE_SLACK_BYTES);
    expect(free).toBeLessThan(Math.max(before.free, after.free) + FREE_SLACK_BYTES);
    const size = sampleValue(exposition, 'honjo_data_directory_size_bytes') ?? NaN;
    expect(Math.abs(size - before.du)).toBeLessThan(DU_SLACK_BYTES);
    expect(sampleValue(exposition, 'honjo_database_up')).toBe(1);
  });

  it('says an external database has no data directory here, rather than inventing a number', async () => {
    const externalMetrics = new ServiceMetrics();
    watchDatabase(
      externalMetrics,
      { driver: db.driver, embedded: undefined, health: UNMANAGED_DATABASE, dataDirectory: undefined },
      db.gateway,
    );
    const external = await startTestServer(db.gateway, { metrics: externalMetrics, metricsToken: TOKEN });
    try {
      const { status, dataDirectory } = await readiness(external);
      expect(status).toBe(200);
      expect(dataDirectory).toEqual({
        external: true,
        reason: 'the database is external (NEO4J_URI): its disk is watched where it runs, not by this service',
      });
      const exposition = await scrape(external);
      // No family at all: an unlabelled gauge would otherwise read 0, a full disk.
      for (const family of [
        'honjo_data_directory_free_bytes',
        'honjo_data_directory_filesystem_size_bytes',
        'honjo_data_directory_size_bytes',
      ]) {
        expect(exposition.types.get(family)).toBeUndefined();
      }
      expect(sampleValue(exposition, 'honjo_database_up')).toBe(1);
    } finally {
      await external.stop();
    }
  });

  it('names the failure, not the path, when the directory cannot be measured, and leaves the gauges empty', async () => {
    const gone = `${directory}-that-does-not-exist`;
    const missing = await startTestServer(db.gateway, { dataDirectory: gone });
    try {
      const { status, dataDirectory } = await readiness(missing);
      // Readiness does not depend on it: a disk problem stops writes, not reads.
      expect(status).toBe(200);
      expect(dataDirectory).toEqual({ reason: 'the data directory could not be measured (ENOENT)' });
      // The gauges have no sample then: alerts see no data rather than a full disk.
      const unmeasured = new ServiceMetrics();
      unmeasured.watchDataDirectory(gone);
      const exposition = readExposition(await unmeasured.exposition());
      expect(exposition.types.get('honjo_data_directory_free_bytes')).toBe('gauge');
      expect(sampleValue(exposition, 'honjo_data_directory_free_bytes')).toBeUndefined();
      expect(sampleValue(exposition, 'honjo_data_directory_size_bytes')).toBeUndefined();
    } finally {
      await missing.stop();
    }
  });

  it('sets honjo_database_up to 0 when the database does not answer, as readiness says', async () => {
    const unreachable = openTestDatabase();
    // Connected first: a driver closed before it ever connected would open a new pool on its next session.
    await unreachable.gateway.ping(2_000);
    await unreachable.close();
    const downMetrics = new ServiceMetrics();
    watchDatabase(
      downMetrics,
      { driver: db.driver, embedded: undefined, health: UNMANAGED_DATABASE, dataDirectory: undefined },
      unreachable.gateway,
    );
    expect(sampleValue(readExposition(await downMetrics.exposition()), 'honjo_database_up')).toBe(0);
  });
});
