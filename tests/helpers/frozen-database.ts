import type { Driver } from 'neo4j-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { UNMANAGED_DATABASE } from '../../src/db/database-health';
import { requestGateway, type DatabaseRuntime } from '../../src/db/database-runtime';
import { createDriver, createReadinessDriver } from '../../src/db/driver';
import type { GraphGateway } from '../../src/db/graph-gateway';
import { SharedBookmarks } from '../../src/db/shared-bookmarks';
import { launchersFor } from './launcher-processes';
import { testNeo4jPassword, testNeo4jUri } from './test-database';

/**
 * The process id of the test run's embedded Neo4j (the JVM global setup started), found by its data
 * directory, so a test can freeze it (SIGSTOP) and thaw it (SIGCONT) as a hung database would behave.
 */
export function testNeo4jPid(): number {
  const data = process.env.TEST_NEO4J_DATA;
  if (!data) throw new Error('TEST_NEO4J_DATA is not set: integration tests must run through jest');
  const [line, ...others] = launchersFor(data);
  if (line === undefined || others.length > 0)
    throw new Error(`expected one test Neo4j on ${data}, found ${others.length + (line ? 1 : 0)}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/**
 * Freezes the process now and thaws it after `ms`. The returned promise resolves once it is thawed; the
 * process is thawed even if the test fails meanwhile (call `thaw` in `finally` to make sure).
 */
export function freezeFor(pid: number, ms: number): { readonly thawed: Promise<void>; thaw(): void } {
  process.kill(pid, 'SIGSTOP');
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const thaw = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    process.kill(pid, 'SIGCONT');
  };
  const thawed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      thaw();
      resolve();
    }, ms);
  });
  return { thawed, thaw };
}

/** The test database reached as `npm start` reaches its database: the service's own request gateway. */
export interface ServiceDatabase {
  readonly gateway: GraphGateway;
  /** A driver of its own for the test's checks (not the service's pools). */
  readonly checks: Driver;
  close(): Promise<void>;
}

/**
 * The request gateway `npm start` builds (`requestGateway`: availability asked on a readiness driver of its
 * own, bookmarks shared), over the test database.
 */
export function serviceDatabase(uri: string = testNeo4jUri(), password: string = testNeo4jPassword()): ServiceDatabase {
  const settings = { uri, user: 'neo4j', password };
  const driver = createDriver(settings);
  const readinessDriver = createReadinessDriver(settings);
  const checks = createDriver(settings);
  const runtime: DatabaseRuntime = {
    driver,
    readinessDriver,
    database: 'neo4j',
    uri,
    embedded: undefined,
    dataDirectory: undefined,
    health: UNMANAGED_DATABASE,
    bookmarks: new SharedBookmarks(),
    recentReads: undefined,
    coldPlans: undefined,
    close: async () => {
      await Promise.all([driver.close(), readinessDriver.close()]);
    },
  };
  return {
    gateway: requestGateway(runtime, CypherRegistry.load()),
    checks,
    close: async () => {
      await runtime.close();
      await checks.close();
    },
  };
}

/** Resolves once the database answers a trivial query through `driver` (after a thaw), or throws after `ms`. */
export async function answersAgain(driver: Driver, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const session = driver.session();
    try {
      await session.run('RETURN 1', {}, { timeout: 2_000 });
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}
