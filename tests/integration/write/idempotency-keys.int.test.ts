import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { loadConfig } from '../../../src/core/config';
import { keyId } from '../../../src/write/idempotency-keys';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Safe retries of writes with the Idempotency-Key header (IETF httpapi draft), on two instances of the
 * service over one database, as a city runs them behind a load balancer, and through Apollo Client and urql
 * at their defaults. Indicator 5-1-1 自治会の加入率 is answered for by 市民活動推進課 (000 line 55), so that
 * department's editors may record it; indicator 6-5-1 経常収支比率 is not theirs.
 */
const SECRET = 'idempotency-keys-test-secret-0123456789ab';
const INDICATOR = 'indicator:5-1-1';
/** The statement that frees the key of a request that wrote nothing. */
const RELEASE_CYPHER = join(__dirname, '../../../cypher/idempotency/release.cypher');
/** The request budget both instances run with (the default REQUEST_TIMEOUT_MS). */
const REQUEST_BUDGET_MS = loadConfig({}).requestBudget.timeoutMs;
const RECORD = `mutation Record($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id value revision recordedBy }
}`;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: { recordIndicatorResult?: { id: string; value: number; revision: number; recordedBy: string } } | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/**
 * What the client was answered: data and errors. The response's `extensions.cypher` (the cost report of test
 * and development servers, off in production) reports each request's own database work, so a replay differs there.
 */
const answerOf = (answer: Answer) => ({ data: answer.body.data, errors: answer.body.errors });

const codeOf = (answer: Answer): string => {
  const code = answer.body.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'OK';
};

describe('Idempotency-Key on writes', () => {
  jest.setTimeout(120_000);

  let dbA: TestDatabase;
  let dbB: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  const tokens: Record<'sato' | 'tanaka' | 'viewer', string> = { sato: '', tanaka: '', viewer: '' };

  const send = async (
    server: TestServer,
    who: keyof typeof tokens,
    key: string | undefined,
    variables: Record<string, unknown>,
    query = RECORD,
  ): Promise<Answer> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[who]}`,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  };
  const input = (value: number, fiscalYear = 2024) => ({ input: { indicator: INDICATOR, fiscalYear, value } });

  const count = async (cypher: string, params: Record<string, unknown> = {}): Promise<number> => {
    const session = dbA.driver.session();
    try {
      return Number((await session.run(cypher, params)).records[0]?.get(0));
    } finally {
      await session.close();
    }
  };
  const records = () => count('MATCH (r:Record) RETURN count(r)');
  const changes = () => count('MATCH (c:Change) RETURN count(c)');
  const clean = async () => {
    const session = dbA.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change OR n:IdempotencyKey DETACH DELETE n');
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    dbA = openTestDatabase();
    dbB = openTestDatabase();
    const authenticate = createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true });
    a = await startTestServer(dbA.gateway, { authenticate });
    b = await startTestServer(dbB.gateway, { authenticate });
    tokens.sato = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    tokens.tanaka = await mintToken(SECRET, { sub: 'tanaka', role: 'editor', departments: ['市民活動推進課'] });
    tokens.viewer = await mintToken(SECRET, { sub: 'suzuki', role: 'viewer' });
  });
  beforeEach(clean);
  afterAll(async () => {
    await clean();
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([dbA?.close(), dbB?.close()]);
  });

  it('answers the same request with the same key again with the first answer, on either instance, writing once', async () => {
    const key = randomUUID();
    const first = await send(a, 'sato', key, input(70.5));
    expect(codeOf(first)).toBe('OK');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (const server of [a, b, b]) {
      const again = await send(server, 'sato', key, input(70.5));
      expect(again.status).toBe(200);
      expect(answerOf(again)).toEqual(answerOf(first));
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    // The variables' key order is no part of the request: the same variables in another order replay too.
    const reordered = await send(b, 'sato', key, { input: { value: 70.5, fiscalYear: 2024, indicator: INDICATOR } });
    expect(answerOf(reordered)).toEqual(answerOf(first));
    // And the key is quoted as the draft writes it (a Structured Field string): the same key.
    const quoted = await send(a, 'sato', `"${key}"`, input(70.5));
    expect(answerOf(quoted)).toEqual(answerOf(first));
    expect([await records(), await changes()]).toEqual([1, 1]);
    // Without a key the same request is a new write, as before.
    const unkeyed = await send(a, 'sato', undefined, input(70.5));
    expect(unkeyed.body.data?.recordIndicatorResult?.revision).toBe(2);
  });

  it('refuses the key with another request (422 IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    const key = randomUUID();
    expect(codeOf(await send(a, 'sato', key, input(60)))).toBe('OK');
    for (const server of [a, b]) {
      const other = await send(server, 'sato', key, input(61));
      expect(other.status).toBe(422);
      expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(other.body.data ?? null).toBeNull();
      expect(other.body.errors?.[0]?.message).toMatch(/used at .* for another request.*nothing was written/);
      expect(other.body.errors?.[0]?.extensions).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED' });
    }
    // Another operation with the same variables is another request too.
    const renamed = await send(a, 'sato', key, input(60), RECORD.replace('mutation Record', 'mutation Again'));
    expect(renamed.status).toBe(422);
    expect([await records(), await changes()]).toEqual([1, 1]);
  });

  it('answers 409 IDEMPOTENCY_KEY_IN_USE with Retry-After while the first request runs, on either instance', async () => {
    // Another transaction holds the lock of indicator 5-1-1's year 2024, so the first request waits inside
    // its write after claiming its key.
    const blocker = dbA.driver.session();
    const tx = await blocker.beginTransaction();
    try {
      await tx.run(
        "MERGE (s:RecordSeries {id: 'indicator-result:5-1-1:2024'}) ON CREATE SET s.revision = 0 SET s.lockedAt = 'test'",
      );
      const key = randomUUID();
      const first = send(a, 'sato', key, input(55));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const server of [a, b]) {
        const meanwhile = await send(server, 'sato', key, input(55));
        expect(meanwhile.status).toBe(409);
        expect(codeOf(meanwhile)).toBe('IDEMPOTENCY_KEY_IN_USE');
        const wait = Number(meanwhile.headers.get('retry-after'));
        expect(wait).toBeGreaterThanOrEqual(1);
        // A product limit, not a timer: the first request runs within its budget, so the wait is never longer.
        expect(wait).toBeLessThanOrEqual(Math.ceil(REQUEST_BUDGET_MS / 1000));
        expect(meanwhile.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(wait);
        expect(meanwhile.body.errors?.[0]?.message).toMatch(/still running/);
      }
      await tx.rollback();
      const answered = await first;
      expect(codeOf(answered)).toBe('OK');
      const again = await send(b, 'sato', key, input(55));
      expect(answerOf(again)).toEqual(answerOf(answered));
      expect([await records(), await changes()]).toEqual([1, 1]);
    } finally {
      if (tx.isOpen()) await tx.rollback();
      await blocker.close();
    }
  });

  it('writes once for twelve concurrent duplicates sent to two instances', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => send(n % 2 === 0 ? a : b, 'sato', key, input(42.25))),
    );
    const codes = answers.map(codeOf);
    process.stderr.write(`concurrent duplicates: ${JSON.stringify(codes)}\n`);
    expect(codes.filter((code) => code !== 'OK' && code !== 'IDEMPOTENCY_KEY_IN_USE')).toEqual([]);
    const ids = new Set(
      answers.filter((answer) => codeOf(answer) === 'OK').map((x) => x.body.data?.recordIndicatorResult?.id),
    );
    expect([...ids]).toEqual(['indicator-result:5-1-1:2024:r1']);
    expect([await records(), await changes()]).toEqual([1, 1]);
    // Once the first has answered, every duplicate gets its answer.
    expect((await send(b, 'sato', key, input(42.25))).headers.get('idempotent-replayed')).toBe('true');
  });

  it("keeps keys per editor: another editor's same key is their own, never the first editor's answer", async () => {
    const key = randomUUID();
    const sato = await send(a, 'sato', key, input(80));
    const tanaka = await send(b, 'tanaka', key, input(80));
    expect(sato.body.data?.recordIndicatorResult).toMatchObject({ revision: 1, recordedBy: 'sato' });
    expect(tanaka.body.data?.recordIndicatorResult).toMatchObject({ revision: 2, recordedBy: 'tanaka' });
    expect(tanaka.headers.get('idempotent-replayed')).toBeNull();
    expect(answerOf(await send(a, 'tanaka', key, input(80)))).toEqual(answerOf(tanaka));
    expect(await records()).toBe(2);
  });

  it('frees the key of a request that wrote nothing, so the client may send it again', async () => {
    const key = randomUUID();
    const refused = await send(a, 'sato', key, { input: { indicator: 'indicator:6-5-1', fiscalYear: 2024, value: 1 } });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    // Freed before the refusal was answered: even another request may now take the key.
    const next = await send(b, 'sato', key, input(90));
    expect(codeOf(next)).toBe('OK');
    expect([await records(), await changes()]).toEqual([1, 1]);
    // A viewer's key claims nothing: the write is refused as without a key.
    expect(codeOf(await send(a, 'viewer', randomUUID(), input(1)))).toBe('FORBIDDEN');
    expect(await count('MATCH (k:IdempotencyKey) RETURN count(k)')).toBe(1);
  });

  it('claims the key anew when a release deletes it while the claim waits for its lock', async () => {
    // A request that wrote nothing frees its key after answering (idempotency/release); when the database was
    // slow, that release may still commit while the client's next send with the key waits for the key's lock.
    const key = randomUUID();
    const id = keyId('sato', key);
    await count(
      "CREATE (k:IdempotencyKey {id: $id, owner: 'sato', key: $key, fingerprint: 'earlier', claim: 'earlier', " +
        "state: 'running', createdAt: 0, runningUntil: $later, expiresAt: $later}) RETURN 1",
      { id, key, later: Date.now() + 60_000 },
    );
    const releasing = dbA.driver.session();
    const tx = await releasing.beginTransaction();
    try {
      const released = await tx.run(readFileSync(RELEASE_CYPHER, 'utf8'), { id, claim: 'earlier', now: Date.now() });
      expect(Number(released.records[0]?.get('released'))).toBe(1);
      const next = send(a, 'sato', key, input(75));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await tx.commit();
      const answered = await next;
      expect(codeOf(answered)).toBe('OK');
      expect(await count("MATCH (k:IdempotencyKey {id: $id, state: 'done'}) RETURN count(k)", { id })).toBe(1);
      expect(answerOf(await send(b, 'sato', key, input(75)))).toEqual(answerOf(answered));
      expect([await records(), await changes()]).toEqual([1, 1]);
    } finally {
      if (tx.isOpen()) await tx.rollback();
      await releasing.close();
    }
  });

  it('forgets a key past its retention: the same key then writes anew, and expired keys are swept', async () => {
    const key = randomUUID();
    expect(codeOf(await send(a, 'sato', key, input(30)))).toBe('OK');
    // As if IDEMPOTENCY_KEY_RETENTION_HOURS had passed.
    await count('MATCH (k:IdempotencyKey) SET k.expiresAt = 0 RETURN count(k)');
    const anew = await send(b, 'sato', key, input(31));
    expect(codeOf(anew)).toBe('OK');
    expect(anew.body.data?.recordIndicatorResult?.revision).toBe(2);
    expect(await records()).toBe(2);

    // An instance's first new key sweeps expired ones (then every ten minutes at most).
    await count('MATCH (k:IdempotencyKey) SET k.expiresAt = 0 RETURN count(k)');
    const fresh = await startTestServer(dbA.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    try {
      expect(codeOf(await send(fresh, 'sato', randomUUID(), input(32)))).toBe('OK');
      const until = Date.now() + 5_000;
      while ((await count('MATCH (k:IdempotencyKey {key: $key}) RETURN count(k)', { key })) > 0) {
        if (Date.now() > until) throw new Error('the expired key was not swept');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await count('MATCH (k:IdempotencyKey) RETURN count(k)')).toBe(1);
      // The records the swept key answered stay.
      expect(await records()).toBe(3);
    } finally {
      await fresh.stop();
    }
  });

  describe('refuses a key it cannot use (400 IDEMPOTENCY_KEY_INVALID), saying what is wrong, writing nothing', () => {
    it.each([
      ['empty', '', /header is empty/],
      ['too short', 'abc', /3 characters long; it must have 16 to 255/],
      ['too long', 'k'.repeat(8_000), /8000 characters long; it must have 16 to 255/],
      ['with a space', 'two words in one key', /character 4 is U\+0020/],
      ['with a tab', `tab\tseparated-key-1234`, /character 4 is U\+0009/],
      ['not ASCII', 'clé-de-idempotence-1', /character 3 is U\+00E9/],
      ['several', `${'a'.repeat(20)}, ${'b'.repeat(20)}`, /several Idempotency-Key values/],
      ['badly quoted', `"${'q'.repeat(20)}`, /not one quoted string/],
    ])('%s', async (_what, key, message) => {
      const answer = await send(a, 'sato', key, input(10));
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('IDEMPOTENCY_KEY_INVALID');
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.body.errors?.[0]?.message).toMatch(/such as a UUID/);
      expect(await records()).toBe(0);
    });

    it('a key on a mutation of two writes', async () => {
      const twice = `mutation($input: RecordIndicatorResultInput!) {
        one: recordIndicatorResult(input: $input) { id }
        two: recordIndicatorResult(input: $input) { id }
      }`;
      const answer = await send(a, 'sato', randomUUID(), input(10), twice);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.message).toMatch(/covers one write: this mutation has 2 fields \(one, two\)/);
      expect(await records()).toBe(0);
    });

    it('but ignores the header on a query, which writes nothing', async () => {
      const answer = await send(a, 'sato', 'x', {}, '{ sdg(number: 17) { number } }');
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ sdg: { number: 17 } });
    });
  });

  describe('with the clients front ends use, at their defaults', () => {
    const MUTATION = gql(RECORD);

    it('Apollo Client: the header per mutation (context.headers), the second send answered from the first', async () => {
      const client = new ApolloClient({
        link: new HttpLink({ uri: `${a.url}/graphql`, headers: { authorization: `Bearer ${tokens.sato}` } }),
        cache: new InMemoryCache(),
      });
      const key = randomUUID();
      const mutate = (value: number) =>
        client.mutate<{ recordIndicatorResult: { id: string; value: number } }>({
          mutation: MUTATION,
          variables: input(value),
          context: { headers: { 'Idempotency-Key': key } },
        });
      const first = await mutate(12.5);
      const again = await mutate(12.5);
      expect(again.data).toEqual(first.data);
      expect(first.data?.recordIndicatorResult.id).toBe('indicator-result:5-1-1:2024:r1');
      // Another request with the key: Apollo Client 4 asks for application/graphql-response+json, so it reads the
      // 422's body and rejects with its GraphQL errors (CombinedGraphQLErrors) rather than a bare ServerError.
      const reused: unknown = await mutate(13).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(CombinedGraphQLErrors.is(reused) ? reused.errors.map((error) => error.extensions?.code) : reused).toEqual([
        'IDEMPOTENCY_KEY_REUSED',
      ]);
      expect(await records()).toBe(1);
    });

    it('urql: the header per mutation (fetchOptions), the second send answered from the first', async () => {
      const client = new Client({ url: `${b.url}/graphql`, exchanges: [cacheExchange, fetchExchange] });
      const key = randomUUID();
      const mutate = (value: number) =>
        client
          .mutation<{ recordIndicatorResult: { id: string; value: number } }>(RECORD, input(value), {
            fetchOptions: { headers: { authorization: `Bearer ${tokens.sato}`, 'Idempotency-Key': key } },
          })
          .toPromise();
      const first = await mutate(14.5);
      expect(first.error).toBeUndefined();
      const again = await mutate(14.5);
      expect(again.error).toBeUndefined();
      expect(again.data).toEqual(first.data);
      const reused = await mutate(15);
      expect(reused.error?.graphQLErrors[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(reused.error?.response).toMatchObject({ status: 422 });
      expect(await records()).toBe(1);
    });
  });
});
