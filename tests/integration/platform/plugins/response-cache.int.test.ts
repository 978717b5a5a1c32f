import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { rawRequest } from '../../../helpers/raw-http';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The response cache against the real graph, with the cache on as `npm start` has it. Indicator 5-1-1
 * 自治会の加入率 belongs to measure 5-1-1, answered by 市民活動推進課 (000 line 55), so an editor of that
 * department may record its results.
 */
const SECRET = 'response-cache-test-secret-0123456789';
const INDICATOR = 'indicator:5-1-1';
const RESULTS = `{ node(id: "${INDICATOR}") { ... on Indicator { results { fiscalYear current { value revision } } } } }`;
const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;

interface ResultsAnswer {
  node: { results: { fiscalYear: number; current: { value: number; revision: number } | null }[] };
}

/** Statements the request ran (the cost report); 0 when its answer came from the response cache. */
const statementsOf = (response: { extensions?: Record<string, unknown> }) =>
  (response.extensions?.cypher as { queries: number } | undefined)?.queries;

describe('response cache', () => {
  let db: TestDatabase;
  let api: TestServer;
  const editor = async () => ({
    authorization: `Bearer ${await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] })}`,
  });
  const cleanRecords = async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const getResults = (headers: Record<string, string> = {}) =>
    rawRequest(`${api.url}/graphql?query=${encodeURIComponent(RESULTS)}`, { headers });

  beforeAll(async () => {
    db = openTestDatabase();
    await cleanRecords();
    api = await startTestServer(db.gateway, {
      env: { RESPONSE_CACHE_MAX_MB: '8' },
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    await api.dataVersion.refresh();
  });
  afterAll(async () => {
    await cleanRecords();
    await api.stop();
    await db.close();
  });
  // Clients a test started beside itself, stopped when the test ends however it ends: one left running past a
  // timed-out test would send to the server afterAll stops, and its rejection would end the whole test run.
  let stopBeside: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stopBeside?.();
    stopBeside = undefined;
  });

  it('serves a repeated read from memory, and never an answer from before a write', async () => {
    const first = await api.query<ResultsAnswer>(RESULTS);
    expect(first.errors).toBeUndefined();
    expect(first.data?.node.results).toEqual([]);
    expect(statementsOf(first)).toBeGreaterThan(0);
    const again = await api.query<ResultsAnswer>(RESULTS);
    expect(again.data).toEqual(first.data);
    expect(statementsOf(again)).toBe(0);

    // The same question over GET, remembered with its validator.
    const before = await getResults();
    expect(before.status).toBe(200);
    const etag = String(before.headers.etag);
    expect((await getResults({ 'if-none-match': etag })).status).toBe(304);

    const recorded = await api.query(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value: 81.9 } },
      await editor(),
    );
    expect(recorded.errors).toBeUndefined();

    // Through the cache: the new answer, read from the database again.
    const after = await api.query<ResultsAnswer>(RESULTS);
    expect(after.data?.node.results).toEqual([{ fiscalYear: 2024, current: { value: 81.9, revision: 1 } }]);
    expect(statementsOf(after)).toBeGreaterThan(0);
    // With the old validator: a full answer with a new ETag, not a 304.
    const revalidated = await getResults({ 'if-none-match': etag });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.etag).not.toBe(etag);
    expect(JSON.parse(revalidated.body.toString('utf8'))).toMatchObject({ data: after.data });
  });

  it('lets a writer read its own write at once, with other mutations (refused ones too) running beside', async () => {
    const headers = await editor();
    // Beside the writer: mutations that are refused (no token) and mutations that succeed (another year), as
    // fast as they go. Each one re-reads the data version when it ends, so a re-read is nearly always under
    // way when the writer's own write commits. (The race itself is made certain in data-version.int.test.ts;
    // this is the whole path as a client sees it.)
    let stopped = false;
    const failed: string[] = [];
    const beside = async (input: Record<string, unknown>, asWho: Record<string, string>): Promise<void> => {
      while (!stopped) {
        try {
          await api.query(RECORD_RESULT, { input }, asWho);
        } catch (error) {
          if (!stopped) failed.push(error instanceof Error ? error.message : String(error));
        }
      }
    };
    const writers = [
      ...[1, 2, 3, 4].map((value) => beside({ indicator: INDICATOR, fiscalYear: 2023, value }, {})),
      beside({ indicator: INDICATOR, fiscalYear: 2026, value: 5 }, headers),
    ];
    stopBeside = async () => {
      stopped = true;
      await Promise.all(writers);
    };
    const stale: { cycle: number; wrote: number; read: number | undefined }[] = [];
    try {
      for (let cycle = 1; cycle <= 100; cycle++) {
        const recorded = await api.query<{ recordIndicatorResult: { revision: number } }>(
          RECORD_RESULT,
          { input: { indicator: INDICATOR, fiscalYear: 2027, value: cycle } },
          headers,
        );
        const wrote = recorded.data?.recordIndicatorResult.revision ?? -1;
        const read = await api.query<ResultsAnswer>(RESULTS);
        const readRevision = read.data?.node.results.find((result) => result.fiscalYear === 2027)?.current?.revision;
        if (readRevision !== wrote) stale.push({ cycle, wrote, read: readRevision });
      }
    } finally {
      await stopBeside();
    }
    expect(stale).toEqual([]);
    expect(failed).toEqual([]);
    // 100 writes and reads with five clients writing beside them: over 30 s on a loaded 2-core machine.
  }, 120_000);

  it('keeps answers apart per viewer: a signed-in editor does not get the anonymous entry', async () => {
    const anonymous = await api.query(RESULTS);
    expect(statementsOf(await api.query(RESULTS))).toBe(0);
    const signedIn = await api.query(RESULTS, {}, await editor());
    expect(signedIn.data).toEqual(anonymous.data);
    expect(statementsOf(signedIn)).toBeGreaterThan(0);
  });

  it('never stores a mutation or an answer with errors', async () => {
    const invalid = '{ measures(first: 0) { totalCount } }';
    const failed = await api.query(invalid);
    expect(failed.errors).toBeDefined();
    const failedAgain = await api.query(invalid);
    expect(failedAgain.errors).toBeDefined();
    expect(statementsOf(failedAgain)).toBe(statementsOf(failed));

    const input = { indicator: INDICATOR, fiscalYear: 2025, value: 70 };
    const once = await api.query<{ recordIndicatorResult: { revision: number } }>(
      RECORD_RESULT,
      { input },
      await editor(),
    );
    const twice = await api.query<{ recordIndicatorResult: { revision: number } }>(
      RECORD_RESULT,
      { input },
      await editor(),
    );
    expect(once.data?.recordIndicatorResult.revision).toBe(1);
    expect(twice.data?.recordIndicatorResult.revision).toBe(2);
  });

  it('never stores an answer the size cap replaced by an error', async () => {
    const capped = await startTestServer(db.gateway, {
      env: { RESPONSE_CACHE_MAX_MB: '8' },
      requestBudget: { maxResponseBytes: 2_048 },
    });
    try {
      const large = '{ measures(first: 50) { nodes { code name } } }';
      for (const attempt of [1, 2]) {
        const response = await capped.query(large);
        expect([attempt, response.errors?.[0]?.extensions?.code]).toEqual([attempt, 'RESPONSE_TOO_LARGE']);
        expect(statementsOf(response)).toBeGreaterThan(0);
      }
    } finally {
      await capped.stop();
    }
  });
});
