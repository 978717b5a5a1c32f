import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../../src/core/config';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { openDatabase, requestGateway, type DatabaseRuntime } from '../../../src/db/database-runtime';
import { createDriver } from '../../../src/db/driver';
import { GraphGateway } from '../../../src/db/graph-gateway';
import { freePort } from '../../helpers/free-port';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../helpers/test-server';

const QUERY = '{ serviceInfo { nodeCount } }';

/** The error codes of one answer (empty when it succeeded). */
const codes = (answer: GraphQLResponse): string[] =>
  (answer.errors ?? []).map((error) => String(error.extensions?.code));

/**
 * The service's own embedded database (opened as `npm start` opens it) against a local process that loops
 * wrong logins as `neo4j`, and against a database that stops answering (a frozen JVM) or dies and comes
 * back. Uses a Neo4j of its own, because it freezes and kills it.
 */
describe('the service and its embedded database, attacked, frozen and restarted', () => {
  jest.setTimeout(600_000);

  let dataDirectory: string;
  let runtime: DatabaseRuntime;
  let server: TestServer;
  const logged: string[] = [];

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-lockout-'));
    const config = loadConfig({
      EMBEDDED_NEO4J_DATA: dataDirectory,
      EMBEDDED_NEO4J_PORT: String(await freePort()),
      EMBEDDED_NEO4J_HEAP_MB: '512',
      EMBEDDED_NEO4J_PAGECACHE_MB: '32',
    });
    runtime = await openDatabase(config, (line) => logged.push(line));
    const cypher = CypherRegistry.load();
    const readiness = new GraphGateway(runtime.readinessDriver, runtime.database, cypher);
    server = await startTestServer(requestGateway(runtime, cypher), {
      readiness,
      databaseHealth: runtime.health,
      // A frozen database holds a request until its budget runs out; a short budget keeps the test short.
      requestBudget: { timeoutMs: 5_000 },
    });
  });

  afterAll(async () => {
    await server?.stop();
    await runtime?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('keeps answering while a local process loops wrong logins as neo4j (which locks that user)', async () => {
    let attacking = true;
    let wrongLogins = 0;
    const attacker = (async () => {
      while (attacking) {
        const driver = neo4j.driver(runtime.uri, neo4j.auth.basic('neo4j', `guess-${wrongLogins}`));
        await driver.verifyConnectivity().catch(() => undefined);
        await driver.close();
        wrongLogins += 1;
      }
    })();
    const answers: GraphQLResponse[] = [];
    const readiness: number[] = [];
    try {
      // Let the attacker lock `neo4j` first, then ask in batches that need new pooled connections (new logins).
      while (wrongLogins < 5) await new Promise((resolve) => setTimeout(resolve, 50));
      for (let batch = 0; batch < 6; batch += 1) {
        const [ready, ...batchAnswers] = await Promise.all([
          fetch(`${server.url}/health/ready`).then((response) => response.status),
          ...Array.from({ length: 10 }, () => server.query(QUERY)),
        ]);
        readiness.push(ready ?? 0);
        answers.push(...batchAnswers);
      }
    } finally {
      attacking = false;
      await attacker;
    }
    const failed = answers.map(codes).filter((list) => list.length > 0);
    process.stderr.write(
      `lockout: ${wrongLogins} wrong logins as neo4j; ${answers.length - failed.length} of ${answers.length} ` +
        `requests answered, errors ${JSON.stringify(failed.flat())}; readiness ${JSON.stringify(readiness)}\n`,
    );
    expect(wrongLogins).toBeGreaterThan(5);
    expect(failed).toEqual([]);
    expect(answers).toHaveLength(60);
    expect(readiness.every((status) => status === 200)).toBe(true);
  });

  it('answers SERVICE_UNAVAILABLE naming the refused credentials when the database refuses or locks the login', async () => {
    // A wrong password for `neo4j`: the first logins are refused (Unauthorized), then Neo4j locks the user
    // (AuthenticationRateLimit). The service itself logs in as its own user, which stays open.
    const driver = createDriver({ uri: runtime.uri, user: 'neo4j', password: 'wrong' });
    const gateway = new GraphGateway(driver, runtime.database, CypherRegistry.load());
    try {
      const seen: { code: unknown; message: string }[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const error = await gateway.ping(2_000).then(
          () => undefined,
          (caught: unknown) => caught as { extensions?: { code?: unknown }; message: string; code?: string },
        );
        seen.push({ code: error?.extensions?.code ?? error?.code, message: String(error?.message) });
      }
      process.stderr.write(`refused credentials: ${JSON.stringify(seen)}\n`);
      for (const { code, message } of seen) {
        expect(code).toBe('SERVICE_UNAVAILABLE');
        expect(message).toMatch(/refused the service's credentials/);
      }
      expect(seen.some(({ message }) => /locked/.test(message))).toBe(true);
    } finally {
      await driver.close();
    }
  });

  it('answers SERVICE_UNAVAILABLE, never SERVICE_BUSY, while the database is frozen', async () => {
    const pid = runtime.embedded?.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGSTOP');
    let answers: GraphQLResponse[];
    let readiness: number;
    try {
      [readiness, ...answers] = await Promise.all([
        fetch(`${server.url}/health/ready`).then((response) => response.status),
        ...Array.from({ length: 12 }, () => server.query(QUERY)),
      ]);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const all = answers.flatMap(codes);
    process.stderr.write(
      `frozen: readiness ${readiness}; ${answers.length} requests answered ${JSON.stringify(all)}\n`,
    );
    expect(readiness).toBe(503);
    expect(all).toHaveLength(answers.length);
    expect(new Set(all)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    // The database answers again once thawed.
    const until = Date.now() + 60_000;
    let after = await server.query(QUERY);
    while (codes(after).length > 0 && Date.now() < until) after = await server.query(QUERY);
    expect(codes(after)).toEqual([]);
  });

  it('answers every request sent after the supervisor says the database is back', async () => {
    const pid = runtime.embedded?.pid ?? 0;
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    const isBack = (): boolean => logged.some((line) => line.includes('is back'));
    let backAt = 0;
    // Four users keep asking while the database is away and after it is back, as they would.
    const duringOutage: string[] = [];
    const afterBack: { readonly sentMs: number; readonly tookMs: number; readonly codes: string[] }[] = [];
    const user = async (): Promise<void> => {
      while (Date.now() - killedAt < 180_000 && (backAt === 0 || Date.now() - backAt < 8_000)) {
        const sentAt = Date.now();
        const back = isBack();
        if (back && backAt === 0) backAt = sentAt;
        const answer = codes(await server.query(QUERY));
        if (back) afterBack.push({ sentMs: sentAt - backAt, tookMs: Date.now() - sentAt, codes: answer });
        else duringOutage.push(...answer);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all([user(), user(), user(), user()]);
    const failedAfter = afterBack.filter((answer) => answer.codes.length > 0);
    process.stderr.write(
      `restart: during the outage ${JSON.stringify([...new Set(duringOutage)])}; after "is back" ` +
        `${afterBack.length - failedAfter.length} of ${afterBack.length} answered, failures ` +
        `${JSON.stringify(failedAfter)}, slowest ${Math.max(...afterBack.map((answer) => answer.tookMs))} ms\n`,
    );
    expect(backAt).toBeGreaterThan(0);
    expect(duringOutage.filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(afterBack.length).toBeGreaterThan(8);
    expect(failedAfter).toEqual([]);
  });
});
