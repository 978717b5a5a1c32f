import { seedThrough } from '../../helpers/seed-test-database';
import { runCommand, type CommandResult } from '../../helpers/run-command';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/core/config';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { openDatabase, type DatabaseRuntime } from '../../../src/db/database-runtime';
import { GraphGateway } from '../../../src/db/graph-gateway';
import { RUNNING_FILE_NAME } from '../../../src/db/running-database';
import { importRecords } from '../../../src/write/records-backup';
import { freePort } from '../../helpers/free-port';
import { launchersFor } from '../../helpers/launcher-processes';
import { buildOncePerRun } from '../../helpers/service-build';

/**
 * A record series only this test writes, so finding it in an export proves which database was read. Its
 * properties are in name order, as an export writes them.
 */
const SERIES = {
  label: 'RecordSeries',
  properties: {
    fiscalYear: 2024,
    id: 'indicator-result:running-database-test:2024',
    revision: 0,
    subjectId: 'indicator:running-database-test',
  },
};
const SERVICE_LOG_NAME = 'the service (npm start)';

/** Runs the compiled command as `npm run records:export` does after its build (without blocking the event loop). */
function runRecordsCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CommandResult> {
  return runCommand(process.execPath, ['dist/src/cli/records.js', ...args], { env });
}

/**
 * `npm run records:export` (and `records:import`, `seed`) while `npm start` runs: the command uses the
 * service's embedded Neo4j instead of starting a second one on the same store, which Neo4j's store lock
 * refuses with an unclear error; with nothing running it starts and stops its own, as before. Starts a Neo4j
 * of its own (twice: the service's, then the command's), because it stops it.
 */
describe('commands beside the running service', () => {
  jest.setTimeout(300_000);

  let dataDirectory: string;
  let environment: Record<string, string>;
  let service: DatabaseRuntime | undefined;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-running-'));
    environment = {
      EMBEDDED_NEO4J_DATA: dataDirectory,
      EMBEDDED_NEO4J_PORT: String(await freePort()),
      EMBEDDED_NEO4J_HEAP_MB: '512',
      EMBEDDED_NEO4J_PAGECACHE_MB: '32',
    };
    // The build `npm run records:export` runs first, beside the database start (both take seconds).
    const build = buildOncePerRun();
    // The service's own path (src/index.ts): the default user of openDatabase.
    service = await openDatabase(loadConfig(environment), () => undefined);
    expect(await build).toBe(0);
    const gateway = new GraphGateway(service.driver, service.database, CypherRegistry.load());
    // The service's graph, as its start loads it: an export refuses a database that holds none.
    await seedThrough(gateway);
    await importRecords(gateway, JSON.stringify(SERIES));
  });

  afterAll(async () => {
    await service?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** This test's data directory and port, and nothing of the developer's own database settings. */
  const commandEnvironment = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const inherited = Object.entries(process.env).filter(
      ([name]) => name !== 'NEO4J_URI' && name !== 'EMBEDDED_NEO4J_PASSWORD',
    );
    return { ...Object.fromEntries(inherited), ...environment, ...extra };
  };

  it('records the running database in the data directory, readable by its owner only', () => {
    expect(statSync(join(dataDirectory, RUNNING_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('exports from the running service database, starting no second Neo4j and leaving the service up', async () => {
    // The service's database and its standby JVM: the command starts none beside them.
    const before = launchersFor(dataDirectory);
    expect(before).toHaveLength(2);
    const result = await runRecordsCli(commandEnvironment(), 'export');
    expect(result.stderr).not.toContain('failed');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      `using the Neo4j of ${SERVICE_LOG_NAME} (process ${process.pid}), running on 127.0.0.1:${environment.EMBEDDED_NEO4J_PORT}`,
    );
    expect(result.stderr).not.toContain('starting embedded Neo4j');
    expect(result.stdout).toContain(JSON.stringify(SERIES.properties));
    expect(launchersFor(dataDirectory)).toEqual(before);
    const answer = await service?.driver.executeQuery('RETURN 1 AS one');
    expect(answer?.records[0]?.get('one')).toEqual(expect.anything());
  });

  it('refuses a password other than the running database was started with, before any login', async () => {
    const result = await runRecordsCli(commandEnvironment({ EMBEDDED_NEO4J_PASSWORD: 'not-the-password' }), 'export');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `EMBEDDED_NEO4J_PASSWORD is not the password ${SERVICE_LOG_NAME} (process ${process.pid}) started the embedded Neo4j of ${dataDirectory} with`,
    );
  });

  it('refuses a second service on the same data directory, naming the first', async () => {
    await expect(openDatabase(loadConfig(environment), () => undefined)).rejects.toThrow(
      `the embedded Neo4j of ${dataDirectory} is already running, started by ${SERVICE_LOG_NAME} (process ${process.pid}`,
    );
  });

  it('with nothing running (a stale record left by a killed process), starts its own Neo4j and stops it', async () => {
    await service?.close();
    service = undefined;
    const record = join(dataDirectory, RUNNING_FILE_NAME);
    expect(existsSync(record)).toBe(false);
    // A record whose process is gone, as a killed service leaves it.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = { pid: deadPid, owner: SERVICE_LOG_NAME, port: 1, passwordCheck: { salt: 'x', hash: 'y' } };
    writeFileSync(record, JSON.stringify(stale), { mode: 0o600 });

    const port = String(await freePort());
    const result = await runRecordsCli(commandEnvironment({ EMBEDDED_NEO4J_PORT: port }), 'export');
    expect(result.stderr).not.toContain('failed');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`starting embedded Neo4j on 127.0.0.1:${port}`);
    expect(result.stderr).not.toContain('using the Neo4j of');
    expect(result.stdout).toContain(JSON.stringify(SERIES.properties));
    expect(launchersFor(dataDirectory)).toEqual([]);
    expect(existsSync(record)).toBe(false);
  });
});
