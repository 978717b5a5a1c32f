import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { EmbeddedNeo4j } from '../../../src/db/embedded-neo4j';
import { embeddedPassword } from '../../../src/db/embedded-password';
import { StandbyNeo4j, standbyDirectoryOf } from '../../../src/db/standby-neo4j';
import { freePort } from '../../helpers/free-port';
import { launchersFor, launcherServing } from '../../helpers/launcher-processes';

/** How many nodes a standby's scratch store and the real store each hold, read over `uri`. */
async function nodeCount(uri: string, password: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: 'neo4j' });
    return Number(records[0]?.get('n'));
  } finally {
    await driver.close();
  }
}

/**
 * A standby JVM beside a running embedded Neo4j: it serves a scratch store of its own on another port while it
 * stands by, and takes the real store and port over when told to, after the database's JVM died. Real JVMs, a
 * real SIGKILL; no service around them.
 */
describe('a standby of the embedded Neo4j', () => {
  jest.setTimeout(300_000);

  let dataDirectory: string;
  let password: string;
  let port: number;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-standby-'));
    password = embeddedPassword(dataDirectory, undefined).password;
    port = await freePort();
  });

  afterAll(async () => {
    await Promise.all(running.map((process) => process.stop()));
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const options = (): {
    port: number;
    dataDirectory: string;
    password: string;
    heapMb: number;
    pageCacheMb: number;
    log: () => void;
  } => ({
    port,
    dataDirectory,
    password,
    heapMb: 512,
    pageCacheMb: 16,
    log: () => undefined,
  });

  it('stands by on a scratch store of its own, then serves the real store on its port once the database died', async () => {
    const database = await EmbeddedNeo4j.start(options());
    running.push(database);
    const writer = neo4j.driver(database.boltUri, neo4j.auth.basic('neo4j', password));
    await writer.executeQuery('UNWIND range(1, 7) AS i CREATE (:Kept {i: i})', {}, { database: 'neo4j' });
    await writer.close();

    const standby = await StandbyNeo4j.start({ ...options(), standbyPort: await freePort() });
    running.push(standby);
    expect(existsSync(standbyDirectoryOf(dataDirectory))).toBe(true);
    expect(standby.scratchUri).not.toBe(database.boltUri);
    // Its own store: the same credentials, none of the data.
    expect(await nodeCount(standby.scratchUri, password)).toBe(0);
    expect(launchersFor(dataDirectory)).toHaveLength(2);
    expect(launcherServing(dataDirectory, port)).toBe(database.pid);

    process.kill(database.pid ?? Number.NaN, 'SIGKILL');
    await database.exited;
    const promoted = await standby.promote();
    running.push(promoted);
    expect(promoted.boltUri).toBe(database.boltUri);
    expect(promoted.pid).toBe(standby.pid);
    expect(launcherServing(dataDirectory, port)).toBe(standby.pid);
    // The real store, every write made before the kill, and the scratch port closed.
    expect(await nodeCount(promoted.boltUri, password)).toBe(7);
    await expect(nodeCount(standby.scratchUri, password)).rejects.toThrow();
  });

  it('stops cleanly while it stands by, and leaves no JVM behind', async () => {
    const standby = await StandbyNeo4j.start({ ...options(), port: await freePort(), standbyPort: await freePort() });
    const pid = standby.pid;
    await standby.stop();
    expect(launchersFor(dataDirectory).some((line) => line.trim().startsWith(`${pid} `))).toBe(false);
  });
});
