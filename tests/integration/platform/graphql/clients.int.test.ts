import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { graphFingerprint } from '../../../helpers/graph-fingerprint';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The GraphQL clients front ends actually use, each with its default options (no extra header, no preflight
 * header), against the real server: the canonical question of the API — the measures of SDG 17 answered by
 * 市民活動推進課 — must come back as the documents say (9 measures, 5-1-1 … 5-2-5; see api-examples).
 */
const CANONICAL = `query Sdg17MeasuresOfCitizenActivity {
  measures(filter: { sdg: 17, department: "市民活動推進課" }) {
    totalCount
    nodes { id code name departments { id name } }
  }
}`;
const SDG17_CITIZEN_ACTIVITY = ['5-1-1', '5-1-2', '5-1-3', '5-1-4', '5-2-1', '5-2-2', '5-2-3', '5-2-4', '5-2-5'];

interface Measures {
  measures: {
    totalCount: number;
    nodes: { id: string; code: string; name: string; departments: { id: string; name: string }[] }[];
  };
}

/** The answer every client must get: 9 measures in code order, each answered (also) by 市民活動推進課. */
function expectCanonicalAnswer(data: Measures | undefined | null): void {
  expect(data?.measures.totalCount).toBe(9);
  expect(data?.measures.nodes.map((measure) => measure.code)).toEqual(SDG17_CITIZEN_ACTIVITY);
  for (const measure of data?.measures.nodes ?? []) {
    expect(measure.departments.map((department) => department.name)).toContain('市民活動推進課');
  }
}

/** What reached the server: method, URL and headers, as the client sent them (seen on the server's socket). */
interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
}

const SECRET = 'clients-test-secret-0123456789abcdef';

describe('GraphQL clients with their default options', () => {
  jest.setTimeout(60_000);

  let db: TestDatabase;
  let api: TestServer;
  let seen: Seen[] = [];
  const graphqlUrl = () => `${api.url}/graphql`;

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway);
    api.httpServer.on('request', (request: IncomingMessage) => {
      seen.push({ method: request.method ?? '', url: new URL(request.url ?? '/', api.url), headers: request.headers });
    });
  });
  beforeEach(() => {
    seen = [];
  });
  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  describe('Apollo Client 4', () => {
    it('answers into the normalised InMemoryCache: one entry per measure and per department, shared', async () => {
      const cache = new InMemoryCache();
      const client = new ApolloClient({ link: new HttpLink({ uri: graphqlUrl() }), cache });
      const { data } = await client.query<Measures>({ query: gql(CANONICAL) });
      expectCanonicalAnswer(data);
      expect(seen.map((request) => request.method)).toEqual(['POST']);

      const entries = cache.extract() as Record<string, { __typename?: string; departments?: { __ref: string }[] }>;
      const measures = Object.keys(entries).filter((key) => entries[key]?.__typename === 'Measure');
      expect(measures).toHaveLength(9);
      // 市民活動推進課 is stored once, and all nine measures point at that one entry.
      const citizenActivity = data?.measures.nodes[0]?.departments.find((d) => d.name === '市民活動推進課');
      const citizenKey = cache.identify({ __typename: 'Department', id: citizenActivity?.id });
      expect(citizenKey).toBeDefined();
      for (const key of measures) expect(entries[key]?.departments).toContainEqual({ __ref: citizenKey });

      // Asked again, the cache answers and the network is not used.
      const again = await client.query<Measures>({ query: gql(CANONICAL) });
      expect(again.data).toEqual(data);
      expect(seen).toHaveLength(1);
    });

    it('sends persisted queries as GETs of the hash alone once the server knows them', async () => {
      const sha256 = (query: string) => createHash('sha256').update(query).digest('hex');
      const persistedClient = () =>
        new ApolloClient({
          link: createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
            new HttpLink({ uri: graphqlUrl() }),
          ),
          cache: new InMemoryCache(),
        });

      // The first client finds the hash unknown and registers the query with a POST of query and hash.
      expectCanonicalAnswer((await persistedClient().query<Measures>({ query: gql(CANONICAL) })).data);
      expect(seen.map((request) => request.method)).toEqual(['GET', 'POST']);

      seen = [];
      const second = await persistedClient().query<Measures>({ query: gql(CANONICAL) });
      expectCanonicalAnswer(second.data);
      expect(seen.map((request) => request.method)).toEqual(['GET']);
      const [hashed] = seen;
      expect(hashed?.url.searchParams.get('query')).toBeNull();
      expect(hashed?.url.searchParams.get('extensions')).toMatch(/"sha256Hash":"[0-9a-f]{64}"/);
    });
  });

  it('answers urql (@urql/core) over its default GET, which sends no content-type and no preflight header', async () => {
    const client = new Client({ url: graphqlUrl(), exchanges: [cacheExchange, fetchExchange] });
    const result = await client.query<Measures>(CANONICAL, {}).toPromise();
    expect(result.error).toBeUndefined();
    expectCanonicalAnswer(result.data);
    expect(seen.map((request) => request.method)).toEqual(['GET']);
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.headers['apollo-require-preflight']).toBeUndefined();
  });

  it.each(['POST', 'GET'] as const)('answers graphql-request 7 over %s', async (method) => {
    const client = new GraphQLClient(graphqlUrl(), method === 'GET' ? { method } : {});
    expectCanonicalAnswer(await client.request<Measures>(CANONICAL));
    expect(seen.map((request) => request.method)).toEqual([method]);
  });
});

/**
 * What a page on another site can make a browser send without a preflight (a form, or fetch with a text/plain
 * body): no Authorization header, no JSON content-type. None of it may write, with or without CSRF prevention;
 * the browser attack itself runs in cors.e2e.int.test.ts.
 */
describe('requests a page on another site can send without a preflight', () => {
  jest.setTimeout(60_000);

  const RECORD = `mutation { recordIndicatorResult(input: { indicator: "indicator:5-1-1", fiscalYear: 2024, value: 1 }) { id } }`;

  let db: TestDatabase;
  let api: TestServer;
  let editorToken: string;
  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    editorToken = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.close();
  });

  /** Sends the request, then checks it was refused with `status` and that the graph did not change. */
  async function expectRefusedWithoutWrite(
    request: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; query?: string },
    status: number,
  ): Promise<string> {
    const before = await graphFingerprint(db.gateway);
    const url = new URL(`${api.url}/graphql`);
    if (request.query !== undefined) url.searchParams.set('query', request.query);
    const response = await fetch(url, { method: request.method, headers: request.headers, body: request.body });
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(response.status).toBe(status);
    expect(answer.data ?? null).toBeNull();
    expect(await graphFingerprint(db.gateway)).toEqual(before);
    return answer.errors?.[0]?.message ?? '';
  }

  it('refuses a text/plain POST carrying a mutation (JSON in disguise), naming the content type', async () => {
    const message = await expectRefusedWithoutWrite(
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({ query: RECORD }),
      },
      415,
    );
    expect(message).toBe(
      'a POST body must be JSON (content-type: application/json), got content-type "text/plain;charset=UTF-8"',
    );
  });

  it('refuses it also when a proxy in front has added a valid token, so ambient sign-in cannot write either', async () => {
    await expectRefusedWithoutWrite(
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${editorToken}` },
        body: JSON.stringify({ query: RECORD }),
      },
      415,
    );
  });

  it('refuses a form POST (the JSON hidden in a field name, as an HTML form sends it)', async () => {
    const form = `${encodeURIComponent(JSON.stringify({ query: RECORD, padding: '' }).slice(0, -2))}=%22%7D`;
    await expectRefusedWithoutWrite(
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form },
      415,
    );
  });

  it('never runs a mutation sent as a GET (a link or an <img>), even with a token', async () => {
    const message = await expectRefusedWithoutWrite(
      { method: 'GET', query: RECORD, headers: { authorization: `Bearer ${editorToken}` } },
      405,
    );
    expect(message).toBe('GET requests only support query operations, not mutation operations');
  });

  it('with CSRF_PREVENTION=true, wants a preflight header on a GET, as Apollo documents', async () => {
    const guarded = await startTestServer(db.gateway, { env: { CSRF_PREVENTION: 'true' } });
    try {
      const url = `${guarded.url}/graphql?query=${encodeURIComponent('{ sdg(number: 17) { number } }')}`;
      const plain = await fetch(url);
      expect(plain.status).toBe(400);
      expect(((await plain.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
        /Cross-Site Request Forgery.*apollo-require-preflight/s,
      );
      const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
      expect(await preflighted.json()).toMatchObject({ data: { sdg: { number: 17 } } });
    } finally {
      await guarded.stop();
    }
  });
});
