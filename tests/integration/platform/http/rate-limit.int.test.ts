import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { promtoolFindings, readExposition, sampleValue } from '../../../helpers/prometheus-text';
import { portOf, rawRequest } from '../../../helpers/raw-http';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The per-client rate limit (RATE_LIMIT_*) on the real service, tried as a client that wants more than its share
 * would. The service trusts the proxy at 127.0.0.1 (TRUSTED_PROXIES); requests sent from 127.0.0.1 with
 * `X-Forwarded-For` are that proxy naming its clients (documentation addresses, 198.51.100.0/24), and requests sent
 * from 127.0.0.2 are a client connecting directly, whose forwarding headers must count for nothing.
 */
const LIMIT = 3;
const WINDOW_SECONDS = 60;
const SECRET = 'rate-limit-test-secret-of-at-least-32-characters';
const PROXY = '127.0.0.1';
const DIRECT_CLIENT = '127.0.0.2';
const QUERY = JSON.stringify({ query: '{ sdg(number: 17) { number } }' });

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

interface Ask {
  /** The address the request leaves from (the peer the service sees). */
  readonly from: string;
  readonly headers?: Record<string, string>;
  readonly method?: string;
  readonly path?: string;
}

describe('the per-client rate limit', () => {
  let db: TestDatabase;
  let server: TestServer;
  let unlimited: TestServer;
  const metrics = new ServiceMetrics();

  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway, {
      env: {
        RATE_LIMIT_REQUESTS: String(LIMIT),
        RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
        TRUSTED_PROXIES: PROXY,
      },
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
      metrics,
    });
    unlimited = await startTestServer(db.gateway);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), unlimited?.stop()]);
    await db?.close();
  });

  /** One request from the given local address: a GraphQL query on /graphql unless said otherwise. */
  const ask = async (
    to: TestServer,
    { from, headers = {}, method = 'POST', path = '/graphql' }: Ask,
  ): Promise<Answer> => {
    const answer = await rawRequest(`http://127.0.0.1:${portOf(to.url)}${path}`, {
      method,
      localAddress: from,
      headers: method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers,
      body: method === 'POST' ? QUERY : undefined,
    });
    return { ...answer, body: answer.body.toString('utf8') };
  };

  const viaProxyFor = (client: string, extra: Record<string, string> = {}): Ask => ({
    from: PROXY,
    headers: { 'x-forwarded-for': client, ...extra },
  });
  const bearer = async (sub: string, secret = SECRET): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await mintToken(secret, { sub, role: 'viewer' })}`,
  });
  const statuses = async (count: number, request: () => Promise<Answer>): Promise<number[]> => {
    const seen: number[] = [];
    for (let i = 0; i < count; i += 1) seen.push((await request()).status);
    return seen;
  };
  const refusals = async (client: 'subject' | 'address'): Promise<number> =>
    sampleValue(readExposition(await metrics.registry.metrics()), 'honjo_rate_limited_requests_total', { client }) ?? 0;

  it('answers a client over the limit 429 with Retry-After, the draft RateLimit headers and a GraphQL error', async () => {
    const client = viaProxyFor('198.51.100.7');
    const allowed = [];
    for (let i = 0; i < LIMIT; i += 1) allowed.push(await ask(server, client));
    expect(allowed.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(allowed.map((answer) => answer.headers.ratelimit)).toEqual([
      expect.stringMatching(/^limit=3, remaining=2, reset=\d+$/),
      expect.stringMatching(/^limit=3, remaining=1, reset=\d+$/),
      expect.stringMatching(/^limit=3, remaining=0, reset=\d+$/),
    ]);
    expect(allowed[0]?.headers['ratelimit-policy']).toBe(`${LIMIT};w=${WINDOW_SECONDS}`);

    const refused = await ask(server, client);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(refused.body) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.message).toBe(
      `Too many requests: this client may send ${LIMIT} in ${WINDOW_SECONDS} s (RATE_LIMIT_REQUESTS); retry after ${retryAfter} s.`,
    );
    expect(body.errors[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      limit: LIMIT,
      windowSeconds: WINDOW_SECONDS,
    });
    // The same client on the exports: one count for the API's routes.
    expect((await ask(server, { ...client, method: 'GET', path: '/export/measures.csv' })).status).toBe(429);
    expect(await refusals('address')).toBe(2);
  });

  it('leaves another client behind the same proxy its own share', async () => {
    const other = await ask(server, viaProxyFor('198.51.100.8'));
    expect(other.status).toBe(200);
    expect(other.headers.ratelimit).toMatch(/^limit=3, remaining=2,/);
  });

  it('reads the client a trusted proxy appended, not the entries a client wrote before it', async () => {
    // nginx's $proxy_add_x_forwarded_for keeps what the client sent on the left: the limited client trying to pass
    // as someone else is still the address the proxy saw.
    const spoofed = await ask(server, viaProxyFor('203.0.113.99, 198.51.100.7'));
    expect(spoofed.status).toBe(429);
  });

  it('does not let a direct client name itself out of its share with forwarding headers', async () => {
    const spoofs: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.1' },
      { 'x-forwarded-for': '203.0.113.2' },
      { forwarded: 'for=203.0.113.3' },
      { 'x-forwarded-for': '198.51.100.9' },
      { 'x-real-ip': '203.0.113.5', 'x-forwarded-for': '203.0.113.6' },
    ];
    const answers: number[] = [];
    for (const headers of spoofs) answers.push((await ask(server, { from: DIRECT_CLIENT, headers })).status);
    // Five requests from one address, whatever they claim: three allowed, then refused.
    expect(answers).toEqual([200, 200, 200, 429, 429]);
    // Naming 198.51.100.9 cost that client nothing: its own first request leaves it LIMIT - 1.
    const named = await ask(server, viaProxyFor('198.51.100.9'));
    expect(named.headers.ratelimit).toMatch(/^limit=3, remaining=2,/);
  });

  it("counts a signed-in client by its token's subject, wherever it connects from", async () => {
    const editor = await bearer('rate-limit-editor');
    // The direct client's address is spent, but the subject has its own share.
    expect(await statuses(LIMIT - 1, () => ask(server, { from: DIRECT_CLIENT, headers: editor }))).toEqual([200, 200]);
    // The same subject from other addresses, through the proxy: the same share, its last request, then refused.
    expect((await ask(server, viaProxyFor('198.51.100.20', editor))).status).toBe(200);
    const again = await ask(server, viaProxyFor('198.51.100.21', editor));
    expect(again.status).toBe(429);
    expect(await refusals('subject')).toBe(1);
    // Another subject from the spent address is unaffected.
    expect((await ask(server, { from: DIRECT_CLIENT, headers: await bearer('rate-limit-analyst') })).status).toBe(200);
  });

  it('gives an invented or wrongly signed token no share of its own', async () => {
    const before = await refusals('address');
    const forged = await bearer('forged-subject', 'a-secret-this-service-does-not-know-at-all!!');
    const invented: Record<string, string>[] = [
      forged,
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${'x'.repeat(40)}.${'y'.repeat(40)}.${'z'.repeat(40)}` },
      { authorization: await mintTokenExpired() },
    ];
    const answers: number[] = [];
    for (const headers of invented) answers.push((await ask(server, { from: DIRECT_CLIENT, headers })).status);
    // Counted as the spent address: refused before its token is even answered 401.
    expect(answers).toEqual([429, 429, 429, 429]);
    expect((await refusals('address')) - before).toBe(invented.length);
  });

  it('does not limit health, preflights or the dashboard for a client over its limit', async () => {
    const spent = { from: DIRECT_CLIENT, method: 'GET' };
    expect((await ask(server, { ...spent, path: '/health/live' })).status).toBe(200);
    expect((await ask(server, { ...spent, path: '/health/ready' })).status).toBe(200);
    const preflight = await ask(server, {
      from: DIRECT_CLIENT,
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect((await ask(server, { ...spent, path: '/dashboard' })).status).toBe(200);
    // …while the API itself stays refused.
    expect((await ask(server, { from: DIRECT_CLIENT })).status).toBe(429);
  });

  it('exposes the refusals in an exposition promtool accepts', async () => {
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE honjo_rate_limited_requests_total counter');
    expect(promtoolFindings(text) ?? '').toBe('');
  });

  it('limits nothing by default', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => ask(unlimited, { from: DIRECT_CLIENT })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers[0]?.headers.ratelimit).toBeUndefined();
  });

  /** A token of the right secret that expired an hour ago. */
  async function mintTokenExpired(): Promise<string> {
    return `Bearer ${await mintToken(SECRET, { sub: 'expired-subject', role: 'viewer' }, '-1h')}`;
  }
});
