import { requestOverheadMs } from '../../../helpers/request-overhead';
import { createHash } from 'node:crypto';
import { GraphStatistics } from '../../../../src/platform/graphql/limits/graph-statistics';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { seedGraphSizes } from '../../../helpers/seed-graph-sizes';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../../helpers/test-server';

/** A raw POST to /graphql: any body (also malformed ones), the status, the request id and the parsed answer. */
async function postGraphQL(api: ApiFixture, body: unknown, headers: Record<string, string>) {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Omit<GraphQLResponse, 'status'>;
  return { status: response.status, requestId: response.headers.get('x-request-id'), ...json };
}

/**
 * The hostile requests of issue 8 against the real server and database: each is refused before any Cypher
 * runs (or answered fast), with a code and a message naming the limit, while health stays answered.
 */
describe('query limits on the real server', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  }, 60_000);
  afterAll(() => api.close());

  const post = (body: unknown, headers: Record<string, string> = {}) => postGraphQL(api, body, headers);
  const statementsRun = (response: { extensions?: Record<string, unknown> }): number =>
    (response.extensions?.cypher as { queries: number }).queries;

  /** Runs `work` while polling `url` every 50 ms; resolves with work's result, the statuses and the slowest poll. */
  async function whilePolling<T>(
    url: string,
    work: () => Promise<T>,
  ): Promise<{ result: T; slowestMs: number; statuses: number[] }> {
    let done = false;
    let slowestMs = 0;
    const statuses: number[] = [];
    const polling = (async () => {
      while (!done) {
        const started = performance.now();
        statuses.push((await fetch(url)).status);
        slowestMs = Math.max(slowestMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    try {
      return { result: await work(), slowestMs, statuses };
    } finally {
      done = true;
      await polling;
    }
  }

  it('reads the list sizes of the loaded graph with one statement, the same as seed/graph.json holds', async () => {
    const statistics = new GraphStatistics();
    await statistics.refresh(api.db.gateway);
    expect(statistics.measured).toBe(true);
    for (const [key, size] of seedGraphSizes().all) {
      const [kind, name] = key.split(':') as ['label' | 'out' | 'in', string];
      const read = kind === 'label' ? statistics.label(name as never) : statistics[kind](name as never);
      expect({ key, size: read }).toEqual({ key, size });
    }
  });

  it.each([22, 30])(
    'answers a chain of %p fragments each spreading the previous twice fast, health answered meanwhile',
    async (n) => {
      const lines = [`query Chain { ...F${n - 1} }`, 'fragment F0 on Query { serviceInfo { name } }'];
      for (let i = 1; i < n; i++) lines.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
      // What a trivial request costs here now: a loaded machine raises the bounds by it (ten times over).
      const overheadMs = await requestOverheadMs(api.server.url);
      const started = performance.now();
      const { result, slowestMs, statuses } = await whilePolling(`${api.server.url}/health/live`, () =>
        post({ query: lines.join('\n') }),
      );
      expect(performance.now() - started).toBeLessThan(3_000 + 10 * overheadMs);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ serviceInfo: { name: 'honjo-policy-graph' } });
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(slowestMs).toBeLessThan(2_000 + 10 * overheadMs);
    },
  );

  describe('500 aliases of sdgCoverage', () => {
    const flood = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: sdgCoverage { sdgs { number } }`).join(' ')} }`;

    it('are refused by the token limit by default, before parsing finishes and before any Cypher', async () => {
      const response = await post({ query: flood });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/more tha[nt] 2000 tokens.*QUERY_MAX_TOKENS/);
      expect(statementsRun(response)).toBe(0);
    });

    it('are refused by the alias limit and the weighted cost when tokens allow them, and readiness stays 200', async () => {
      const roomy: TestServer = await startTestServer(api.db.gateway, { env: { QUERY_MAX_TOKENS: '100000' } });
      try {
        const { result: response, statuses } = await whilePolling(`${roomy.url}/health/ready`, () =>
          roomy.query(flood),
        );
        expect(response.status).toBe(400);
        const limits = response.errors?.map((e) => e.extensions?.limit);
        expect(limits).toEqual(
          expect.arrayContaining(['QUERY_MAX_ALIASES', 'QUERY_MAX_ROOT_FIELDS', 'QUERY_MAX_COST']),
        );
        expect(response.errors?.every((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
        expect(response.errors?.find((e) => e.extensions?.limit === 'QUERY_MAX_ALIASES')?.message).toMatch(
          /uses 500 aliases; the limit is 15 \(QUERY_MAX_ALIASES\)\. Ask for each field once/,
        );
        expect(statementsRun(response)).toBe(0);
        expect(statuses.length).toBeGreaterThan(0);
        expect(statuses.every((s) => s === 200)).toBe(true);
      } finally {
        await roomy.stop();
      }
    }, 60_000);
  });

  it('refuses the 0.9 KB request of nested plain lists that answered 13 MB, naming the cost and how to ask less', async () => {
    const collaborators = `departments { id name nameEn collaborators { sharedMeasures sharedReformSheets department { id name nameEn
      collaborators { sharedMeasures sharedReformSheets department { id name nameEn
        collaborators { sharedMeasures sharedReformSheets department { id name nameEn } } } } } } }`;
    const ownership = `departments { id name nameEn measures { id code name status departments { id name nameEn
      reformSheets { id code name viewpoint } } } }`;
    const response = await post({
      query: `{ a: ${collaborators} b: ${collaborators} c: ${ownership} d: ${ownership} }`,
    });
    expect(response.status).toBe(400);
    const error = response.errors?.find((e) => e.extensions?.limit === 'QUERY_MAX_COST');
    expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(error?.extensions?.value as number).toBeGreaterThan(1_000_000);
    expect(error?.message).toMatch(
      /the limit is 100000 \(QUERY_MAX_COST\)\. Ask for fewer items \(`first` on connections\)/,
    );
    expect(statementsRun(response)).toBe(0);
  });

  it('answers the widest example inside the budget', async () => {
    const response = await api.server.query(
      '{ fields { number name nameEn policyItems { code name measures { code name status departments { name reformSheets { code name } } } } } }',
    );
    expect(response.errors).toBeUndefined();
  });
});

describe('error codes as Apollo documents them, and ours', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  }, 60_000);
  afterAll(() => api.close());

  const post = (body: unknown, headers: Record<string, string> = {}) => postGraphQL(api, body, headers);
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

  it('refuses a subscription over HTTP as GRAPHQL_VALIDATION_FAILED, naming where subscriptions are served', async () => {
    const response = await post({ query: 'subscription { dataVersionChanged { version } }' });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toBe(
      'Subscriptions are served over WebSocket: connect to /graphql with the graphql-transport-ws protocol (graphql-ws), not over HTTP.',
    );
  });

  it('keeps GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED', async () => {
    expect((await post({ query: '{ measures(' })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post({ query: '{ measures(filter: {sdg: "seventeen"}) { totalCount } }' });
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.errors?.[0]?.message).toMatch(/Int cannot represent/);
  });

  it('answers persisted-query problems with Apollo codes: not found, wrong hash, unknown version', async () => {
    const query = '{ serviceInfo { name } }';
    const notFound = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(notFound.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
    expect(registered.data).toEqual({ serviceInfo: { name: 'honjo-policy-graph' } });
    const wrongHash = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(wrongHash.status).toBe(400);
    expect(wrongHash.errors?.[0]).toMatchObject({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    const version = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(version.status).toBe(400);
    expect(version.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses 5,000 nested list brackets before parsing, naming QUERY_MAX_NESTING, not with a stack overflow', async () => {
    const query = `{ search(text: "a", types: ${'['.repeat(5000)}${']'.repeat(5000)}) { score } }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/more than 64 levels deep; the limit is 64 \(QUERY_MAX_NESTING\)/);
    expect(response.requestId).not.toBeNull();
    expect(JSON.stringify(response)).not.toMatch(/call stack/);
  });

  it('answers every GraphQL response with an x-request-id, keeping a sane one the client sent', async () => {
    const generated = await post({ query: '{ sdg(number: 17) { number } }' });
    expect(generated.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const kept = await post({ query: '{ sdg(number: 17) { number } }' }, { 'x-request-id': 'dashboard-42.7' });
    expect(kept.requestId).toBe('dashboard-42.7');
    const replaced = await post({ query: '{ sdg(number: 17) { number } }' }, { 'x-request-id': 'a b\tc'.repeat(50) });
    expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await post({ query: 'subscription { x }' }, { 'x-request-id': 'refused-1' });
    expect(refused.requestId).toBe('refused-1');
  });
});
