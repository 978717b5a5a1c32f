import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedNeo4j } from '../../../src/db/embedded-neo4j';
import { embeddedPassword } from '../../../src/db/embedded-password';
import { freePort } from '../../helpers/free-port';
import { requestOverheadMs } from '../../helpers/request-overhead';
import { timerLateness } from '../../helpers/timer-lateness';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * The service's behaviour when its database dies and comes back. Uses a Neo4j of its own (not the shared
 * test database), because it kills it.
 */
describe('when the database goes away', () => {
  jest.setTimeout(240_000);

  /** The request budget here (REQUEST_TIMEOUT_MS): shorter than the default 10 s, so the outage costs less waiting. */
  const requestTimeoutMs = 5_000;
  /**
   * What the answer may take beyond the budget on an idle machine: the budget starts when the request arrives,
   * and the error still has to be written and read back over HTTP. Asserting the bare budget failed once in CI
   * at 10,003 ms against 10,000, and budget + 1 s once at load: the bound adds what a trivial request costs in
   * the same run, and how late a timer of the budget fires.
   */
  const roundTripAllowanceMs = 1_000;
  /** Readiness answers that may start after the kill before one says 503: one that was under way, and the next. */
  const READINESS_ANSWERS_TO_NOTICE = 2;

  let port: number;
  let dataDirectory: string;
  let password: string;
  let neo4j: EmbeddedNeo4j;
  let db: TestDatabase;
  let server: TestServer;

  const start = async (): Promise<EmbeddedNeo4j> =>
    EmbeddedNeo4j.start({ port, dataDirectory, password, heapMb: 512, pageCacheMb: 32, log: () => undefined });

  beforeAll(async () => {
    port = await freePort();
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-outage-'));
    password = embeddedPassword(dataDirectory, undefined).password;
    neo4j = await start();
    db = openTestDatabase(neo4j.boltUri, password);
    server = await startTestServer(db.gateway, { requestBudget: { timeoutMs: requestTimeoutMs } });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await neo4j?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const readiness = async (): Promise<number> => (await fetch(`${server.url}/health/ready`)).status;

  it('reports ready and answers GraphQL while Neo4j runs', async () => {
    expect(await readiness()).toBe(200);
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    const response = await server.query<{ serviceInfo: { nodeCount: number } }>('{ serviceInfo { nodeCount } }');
    expect(response.errors).toBeUndefined();
    expect(typeof response.data?.serviceInfo.nodeCount).toBe('number');
  });

  it('turns readiness to 503 at its next check and answers SERVICE_UNAVAILABLE, then recovers without a restart', async () => {
    process.kill(neo4j.pid ?? 0, 'SIGKILL');
    await neo4j.exited;
    const killedAt = Date.now();
    // Each readiness answer pings the database (a 2 s timeout): counted in answers, which load does not multiply.
    let status = await readiness();
    let answers = 1;
    while (status !== 503 && Date.now() - killedAt < 30_000) {
      await new Promise((r) => setTimeout(r, 100));
      status = await readiness();
      answers += 1;
    }
    process.stderr.write(`outage: readiness 503 at answer ${answers}, ${Date.now() - killedAt} ms after the kill\n`);
    expect(status).toBe(503);
    expect(answers).toBeLessThanOrEqual(READINESS_ANSWERS_TO_NOTICE);
    const body = (await (await fetch(`${server.url}/health/ready`)).json()) as { status: string; reason: string };
    expect(body.status).toBe('unavailable');
    expect(body.reason).not.toBe('');

    const overheadMs = await requestOverheadMs(server.url);
    const askedAt = Date.now();
    const lateness = timerLateness(requestTimeoutMs);
    const failed = await server.query('{ serviceInfo { nodeCount } }');
    const answeredInMs = Date.now() - askedAt;
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toMatch(/unavailable/i);
    expect(answeredInMs).toBeLessThanOrEqual(requestTimeoutMs + roundTripAllowanceMs + overheadMs + (await lateness));

    neo4j = await start();
    const restartedAt = Date.now();
    while ((await readiness()) !== 200 && Date.now() - restartedAt < 30_000) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await readiness()).toBe(200);
    const recovered = await server.query<{ serviceInfo: { nodeCount: number } }>('{ serviceInfo { nodeCount } }');
    expect(recovered.errors).toBeUndefined();
    expect(typeof recovered.data?.serviceInfo.nodeCount).toBe('number');
  });
});
