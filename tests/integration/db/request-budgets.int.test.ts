import { createDriver } from '../../../src/db/driver';
import { GraphGateway } from '../../../src/db/graph-gateway';
import { openTestDatabase, testNeo4jPassword, testNeo4jUri, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type GraphQLResponse } from '../../helpers/test-server';
import { requestOverheadMs } from '../../helpers/request-overhead';
import { timerLateness } from '../../helpers/timer-lateness';
import { halfSentRequest } from '../../helpers/raw-http';

const coverageAliases = (count: number): string =>
  `{ ${Array.from({ length: count }, (_, i) => `c${i}: sdgCoverage { sdgs { number } }`).join(' ')} }`;

const codes = (response: GraphQLResponse): string[] =>
  (response.errors ?? []).map((error) => String(error.extensions?.code));

/** What an answer may take past its budget on an idle machine: the statement under way ending, the error written. */
const STATEMENT_SLACK_MS = 1_000;

describe('budgets of one request', () => {
  jest.setTimeout(120_000);

  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  it('replaces an answer over MAX_RESPONSE_BYTES by an error naming the limit and how to ask less', async () => {
    const server = await startTestServer(db.gateway, { requestBudget: { maxResponseBytes: 2_048 } });
    try {
      const big = await server.query('{ fields { policyItems { code name measures { code name } } } }');
      expect(big.data).toBeNull();
      expect(codes(big)).toEqual(['RESPONSE_TOO_LARGE']);
      const error = big.errors?.[0];
      expect(error?.message).toMatch(/^The answer is \d+ bytes, more than .* \(MAX_RESPONSE_BYTES = 2048\)/);
      expect(error?.message).toContain('`first`');
      expect(Number(error?.extensions?.responseBytes)).toBeGreaterThan(2_048);

      const small = await server.query<{ sdg: { number: number } }>('{ sdg(number: 17) { number } }');
      expect(small.data?.sdg.number).toBe(17);
    } finally {
      await server.stop();
    }
  });

  it('stops a request at its time budget with REQUEST_TIMEOUT naming the budget', async () => {
    // 20 ms with one session: fifteen coverage aliases run one after another and cannot all fit, however fast
    // the machine (a larger budget made the test depend on the machine's speed).
    const server = await startTestServer(db.gateway, { requestBudget: { timeoutMs: 20, maxSessions: 1 } });
    try {
      // What answering any request costs here now, at the same session limit (a trivial one runs no statement).
      const overheadMs = await requestOverheadMs(server.url);
      const started = Date.now();
      const lateness = timerLateness(20);
      const slow = await server.query(coverageAliases(15));
      const elapsed = Date.now() - started;
      expect(codes(slow)).toContain('REQUEST_TIMEOUT');
      expect(slow.errors?.find((e) => e.extensions?.code === 'REQUEST_TIMEOUT')?.message).toMatch(
        /time budget of 20 ms \(REQUEST_TIMEOUT_MS\)/,
      );
      // Answered near the budget, not after every alias ran (REQUEST_TIMEOUT_MS is counted from arrival): the
      // budget, as late as a timer of it fires now, the statement under way when it ran out, and the answer's way
      // back, which a trivial request measured just before stands for.
      expect(elapsed).toBeLessThanOrEqual(20 + (await lateness) + STATEMENT_SLACK_MS + overheadMs);
    } finally {
      await server.stop();
    }
  });

  it('answers SERVICE_BUSY rather than REQUEST_TIMEOUT to a request stopped at its budget beside others all along', async () => {
    const server = await startTestServer(db.gateway, { requestBudget: { timeoutMs: 20, maxSessions: 1 } });
    // Two requests under way (their bodies half sent) hold their slots the whole time the slow one runs.
    const others = [
      await halfSentRequest(server.url, JSON.stringify({ query: '{ __typename }' })),
      await halfSentRequest(server.url, JSON.stringify({ query: '{ __typename }' })),
    ];
    try {
      const slow = await server.query(coverageAliases(15));
      expect(codes(slow)).toContain('SERVICE_BUSY');
      expect(codes(slow)).not.toContain('REQUEST_TIMEOUT');
      const busy = slow.errors?.find((e) => e.extensions?.code === 'SERVICE_BUSY');
      expect(busy?.extensions?.retryable).toBe(true);
      expect(busy?.message).toMatch(
        /^The service is overloaded: it worked on 2\.0 other requests on average beside this one, which did not end within its time budget of 20 ms/,
      );
      for (const other of others) expect(await other.finish()).toMatch(/^HTTP\/1\.1 200 /);
      // Alone again, the same request is told what it is: too much for its budget.
      expect(codes(await server.query(coverageAliases(15)))).toContain('REQUEST_TIMEOUT');
    } finally {
      for (const other of others) other.socket.destroy();
      await server.stop();
    }
  });

  describe('with a small connection pool', () => {
    // Three pooled connections, one second of waiting for one; readiness on a driver of its own.
    const pooled = createDriver(
      { uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() },
      {
        maxConnectionPoolSize: 3,
        connectionAcquisitionTimeout: 1_000,
      },
    );
    const readinessDriver = createDriver(
      { uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() },
      { maxConnectionPoolSize: 2 },
    );
    afterAll(async () => {
      await pooled.close();
      await readinessDriver.close();
    });

    it('keeps a greedy request of many aliases from failing bystanders or turning readiness red', async () => {
      const gateway = new GraphGateway(pooled, 'neo4j', db.cypher);
      const server = await startTestServer(gateway, {
        requestBudget: { maxSessions: 2, timeoutMs: 60_000 },
        http: { idleTimeoutMs: 120_000 },
        readiness: new GraphGateway(readinessDriver, 'neo4j', db.cypher),
      });
      try {
        let greedyDone = false;
        const greedy = server.query(coverageAliases(8)).finally(() => (greedyDone = true));
        const bystanders: GraphQLResponse[] = [];
        const readiness: number[] = [];
        while (!greedyDone) {
          const [answer, ready] = await Promise.all([
            server.query('{ measure(code: "5-1-1") { code name } }'),
            fetch(`${server.url}/health/ready`),
          ]);
          bystanders.push(answer);
          readiness.push(ready.status);
        }
        const greedyAnswer = await greedy;
        expect(greedyAnswer.errors).toBeUndefined();
        expect(bystanders.length).toBeGreaterThan(0);
        expect(bystanders.flatMap(codes)).toEqual([]);
        expect(
          bystanders.every((answer) => (answer.data as { measure: { code: string } }).measure.code === '5-1-1'),
        ).toBe(true);
        expect(readiness.every((status) => status === 200)).toBe(true);
      } finally {
        await server.stop();
      }
    });

    it('answers SERVICE_BUSY (retryable) when every pooled connection is taken, while readiness stays 200', async () => {
      const gateway = new GraphGateway(pooled, 'neo4j', db.cypher);
      const server = await startTestServer(gateway, {
        readiness: new GraphGateway(readinessDriver, 'neo4j', db.cypher),
      });
      // Other work holds all three connections in open transactions.
      const holders = [0, 1, 2].map(() => pooled.session());
      const transactions = await Promise.all(holders.map((session) => session.beginTransaction()));
      try {
        const busy = await server.query('{ measure(code: "5-1-1") { code } }');
        expect(codes(busy)).toEqual(['SERVICE_BUSY']);
        expect(busy.errors?.[0]?.extensions?.retryable).toBe(true);
        expect(busy.errors?.[0]?.message).toMatch(/busy/);
        expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);

        await Promise.all(transactions.map((tx) => tx.rollback()));
        await Promise.all(holders.map((session) => session.close()));
        const retried = await server.query<{ measure: { code: string } }>('{ measure(code: "5-1-1") { code } }');
        expect(retried.data?.measure.code).toBe('5-1-1');
      } finally {
        await Promise.all(holders.map((session) => session.close()));
        await server.stop();
      }
    });
  });
});
