import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { loadConfig } from '../../../../src/core/config';
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from '../../../../src/platform/live/live-socket-server';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { captureLogs, type CapturedLogs } from '../../../helpers/log-capture';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { requestOverheadMs } from '../../../helpers/request-overhead';
import { timerLateness } from '../../../helpers/timer-lateness';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { AGREEMENT_READS, countVersionReads, GIVE_UP_MS } from '../../../helpers/version-reads';

/**
 * Live updates: `subscription { dataVersionChanged }` over WebSocket (graphql-ws, the graphql-transport-ws
 * protocol) with two instances over one database, as a city runs them behind a load balancer. A result recorded
 * through A reaches a subscriber of B within 2 s, with no broker: B polls the data version (DATA_VERSION_POLL_MS).
 * Indicator 5-1-1 自治会の加入率 is answered by 市民活動推進課 (000 line 55), so its editor may record it.
 * A third instance has tight limits and ANONYMOUS_READ=false, to show each limit of the front door biting.
 */
const SECRET = 'live-updates-test-secret-0123456789abcdef';
const INDICATOR = 'indicator:5-1-1';
const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id } }`;
const SUBSCRIPTION = 'subscription { dataVersionChanged { version changeCount initial observedAt } }';
/**
 * What the issue asks: a write shows in every open view within 2 s. That is B's poll (DATA_VERSION_POLL_MS,
 * 250 ms) twice and the delivery on an idle machine; the test holds each part to what it can be held to on a
 * loaded one: B sees the write within AGREEMENT_READS of its reads, and the subscriber hears of it within a
 * trivial request's time, measured in the same run, after B saw it.
 */
const DELIVERY_SLACK_MS = 200;
const ALLOWED_ORIGIN = 'https://dash.example.org';

interface Change {
  version: string;
  changeCount: number;
  initial: boolean;
  observedAt: string;
}

/** A raw socket speaking graphql-transport-ws, and how it ended. */
interface RawSocket {
  readonly socket: WebSocket;
  readonly messages: Record<string, unknown>[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

function wsUrl(server: TestServer): string {
  return `${server.url.replace(/^http/, 'ws')}/graphql`;
}

/** Opens a socket (no connection_init yet); rejects with the HTTP status when the upgrade is refused. */
function openRaw(server: TestServer, headers: Record<string, string> = {}): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(server), 'graphql-transport-ws', { headers });
    const messages: Record<string, unknown>[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolveClose) =>
      socket.once('close', (code, reason) => resolveClose({ code, reason: reason.toString() })),
    );
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>));
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => reject(new Error(`upgrade refused ${response.statusCode}: ${body}`)));
    });
    socket.once('error', (error) => reject(error));
  });
}

/** A raw socket past connection_init, signed in with `token`. */
async function openInitialised(server: TestServer, token: string): Promise<RawSocket> {
  const raw = await openRaw(server);
  raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await waitForMessage(raw, (message) => message.type === 'connection_ack');
  return raw;
}

/** Waits until `predicate` holds for the socket's messages (or fails after `ms`). */
async function waitForMessage(
  raw: RawSocket,
  predicate: (message: Record<string, unknown>) => boolean,
  ms = 3_000,
): Promise<Record<string, unknown>> {
  const started = Date.now();
  for (;;) {
    const found = raw.messages.find(predicate);
    if (found !== undefined) return found;
    if (Date.now() - started > ms) throw new Error(`no such message in ${JSON.stringify(raw.messages)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A graphql-ws client's subscription, collecting the events it receives. */
function subscribe(client: Client, query = SUBSCRIPTION) {
  const events: { change: Change; at: number }[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ dataVersionChanged: Change }>(
    { query },
    {
      next: (result) => {
        if (result.data) events.push({ change: result.data.dataVersionChanged, at: Date.now() });
        if (result.errors) errors.push(...result.errors);
      },
      // A refused subscription's errors arrive as one list.
      error: (error) => errors.push(...(Array.isArray(error) ? (error as unknown[]) : [error])),
      complete: () => undefined,
    },
  );
  return { events, errors, stop };
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live updates over WebSocket', () => {
  let dbA: TestDatabase;
  let dbB: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  let strict: TestServer;
  let strictLogs: CapturedLogs;
  let strictMetrics: ServiceMetrics;
  let editorToken: string;
  const clients: Client[] = [];
  const cleanRecords = async () => {
    const session = dbA.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const clientOf = (server: TestServer, connectionParams?: Record<string, unknown>): Client => {
    const client = createClient({
      url: wsUrl(server),
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dbA = openTestDatabase();
    dbB = openTestDatabase();
    await cleanRecords();
    const pollMs = loadConfig({}).dataVersionPollMs;
    a = await startTestServer(dbA.gateway, {
      dataVersionPollMs: pollMs,
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    b = await startTestServer(dbB.gateway, { dataVersionPollMs: pollMs });
    strictLogs = captureLogs('info');
    strictMetrics = new ServiceMetrics();
    strict = await startTestServer(dbA.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: false }),
      http: { corsOrigins: [ALLOWED_ORIGIN] },
      live: { maxConnectionsPerClient: 2, maxMessageBytes: 1_024, initTimeoutMs: 400 },
      logger: strictLogs.logger,
      metrics: strictMetrics,
    });
    editorToken = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await cleanRecords();
    await Promise.all([a?.stop(), b?.stop(), strict?.stop()]);
    await Promise.all([dbA?.close(), dbB?.close()]);
  });

  it('tells a subscriber of B, at its next poll, of each result recorded through A', async () => {
    const live = subscribe(clientOf(b));
    await until(() => live.events.length === 1, 3_000, 'the first event');
    const first = live.events[0]?.change;
    // The first event is the version B serves now, so a client (re)connecting can tell whether it missed one.
    expect(first).toMatchObject({ version: b.dataVersion.current(), initial: true });
    expect(Number.isNaN(Date.parse(first?.observedAt ?? ''))).toBe(false);

    const waits: number[] = [];
    const polls: number[] = [];
    const deliveries: number[] = [];
    const overheadMs = await requestOverheadMs(b.url);
    const reads = countVersionReads(b.dataVersion);
    try {
      for (const value of [61.5, 62.25]) {
        const before = live.events.length;
        reads.expectChange();
        const recorded = await a.query(
          RECORD_RESULT,
          { input: { indicator: INDICATOR, fiscalYear: 2024, value } },
          { authorization: `Bearer ${editorToken}` },
        );
        expect(recorded.errors).toBeUndefined();
        const wroteAt = Date.now();
        reads.written();
        await until(() => live.events.length > before, GIVE_UP_MS, 'the change on B');
        const event = live.events[before];
        waits.push((event?.at ?? Infinity) - wroteAt);
        polls.push(reads.readsToChange() ?? Infinity);
        deliveries.push((event?.at ?? Infinity) - (reads.changedAt() ?? -Infinity));
        // A's version after its write (re-read before the mutation answered) is what B announces.
        expect(event?.change).toMatchObject({ version: a.dataVersion.current(), initial: false });
        expect(event?.change.changeCount).toBe((live.events[before - 1]?.change.changeCount ?? 0) + 1);
      }
    } finally {
      reads.stop();
    }
    process.stderr.write(
      `live updates: write on A announced by B after ${waits.join(', ')} ms, at B's read ${polls.join(', ')} ` +
        `after it, delivered ${deliveries.join(', ')} ms after B saw it (a trivial request: ${overheadMs} ms)\n`,
    );
    expect(Math.max(...polls)).toBeLessThanOrEqual(AGREEMENT_READS);
    expect(Math.max(...deliveries)).toBeLessThanOrEqual(DELIVERY_SLACK_MS + overheadMs);
    expect(live.errors).toEqual([]);
    expect(b.live.subscriptionCount()).toBe(1);
    live.stop();
    await until(() => b.live.subscriptionCount() === 0, 2_000, 'the subscription to end');
  });

  it('checks subscriptions against the query limits and runs only subscriptions over WebSocket', async () => {
    const client = clientOf(b);
    const aliases = Array.from({ length: 16 }, (_, i) => `v${i}: version`).join(' ');
    const tooMany = subscribe(client, `subscription { dataVersionChanged { ${aliases} } }`);
    const query = subscribe(client, '{ serviceInfo { name } }');
    const unknown = subscribe(client, 'subscription { dataVersionChanged { nope } }');
    await until(
      () => tooMany.errors.length > 0 && query.errors.length > 0 && unknown.errors.length > 0,
      3_000,
      'the refusals',
    );
    expect(tooMany.errors[0]).toMatchObject({
      message:
        'The operation uses 16 aliases; the limit is 15 (QUERY_MAX_ALIASES). Ask for each field once and filter or page instead of repeating it under aliases; or split the request.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'QUERY_MAX_ALIASES', max: 15, value: 16 },
    });
    expect(query.errors[0]).toMatchObject({
      message: 'Only subscriptions run over WebSocket; send this query to /graphql over HTTP (GET or POST).',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(unknown.errors[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "DataVersionChange".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(tooMany.events).toEqual([]);
  });

  it('caps the subscriptions of one connection', async () => {
    const client = clientOf(b);
    const running = Array.from({ length: MAX_SUBSCRIPTIONS_PER_CONNECTION }, () => subscribe(client));
    await until(() => running.every((one) => one.events.length === 1), 3_000, 'every subscription to start');
    const extra = subscribe(client);
    await until(() => extra.errors.length > 0, 3_000, 'the refusal');
    expect(extra.errors[0]).toMatchObject({
      message: `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions run on one connection; complete one first.`,
    });
    for (const one of running) one.stop();
  });

  it('answers a subscription sent over HTTP with where to send it, not an internal error', async () => {
    const answer = await b.query(SUBSCRIPTION);
    expect(JSON.stringify(answer.errors)).toContain('Subscriptions are served over WebSocket');
    expect(JSON.stringify(answer.errors)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('with ANONYMOUS_READ=false, refuses a connection_init without a valid bearer token', async () => {
    const anonymous = await openRaw(strict);
    anonymous.socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await anonymous.closed).toEqual({
      code: 4403,
      reason: 'Sign-in needed: send { "authorization": "Bearer <token>" } in connection_init (ANONYMOUS_READ=false)',
    });

    const forged = await openRaw(strict);
    const wrongKey = await mintToken('another-secret-of-at-least-32-characters!', { sub: 'x', role: 'viewer' });
    forged.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${wrongKey}` } }));
    expect(await forged.closed).toEqual({
      code: 4403,
      reason: 'Unauthenticated: The bearer token is not signed by a key this service trusts.',
    });

    // The same token rule as HTTP lets a signed-in client in, and its subscription runs.
    const signedIn = subscribe(clientOf(strict, { authorization: `Bearer ${editorToken}` }));
    await until(() => signedIn.events.length === 1, 3_000, 'the signed-in subscription');
    expect(signedIn.events[0]?.change.initial).toBe(true);
    signedIn.stop();
  });

  it('refuses an upgrade from a page on an origin CORS_ORIGINS does not list; allows listed and same-origin pages', async () => {
    await expect(openRaw(strict, { origin: 'https://elsewhere.example' })).rejects.toThrow(
      'upgrade refused 403: {"error":"origin https://elsewhere.example may not connect (CORS_ORIGINS)"}',
    );
    const listed = await openRaw(strict, { origin: ALLOWED_ORIGIN });
    const sameOrigin = await openRaw(strict, { origin: strict.url });
    listed.socket.close();
    sameOrigin.socket.close();
    await Promise.all([listed.closed, sameOrigin.closed]);
    expect(strictLogs.events('live.refused').map((line) => line.limit)).toContain('CORS_ORIGINS');
  });

  it('closes a connection that sends no connection_init in time (LIVE_INIT_TIMEOUT_MS)', async () => {
    const idle = await openRaw(strict);
    const openedAt = Date.now();
    expect(await idle.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(350);
  });

  it('closes a connection that sends a message over LIVE_MAX_MESSAGE_BYTES', async () => {
    const raw = await openInitialised(strict, editorToken);
    const padding = ' '.repeat(2_000);
    raw.socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: `${SUBSCRIPTION}${padding}` } }));
    expect((await raw.closed).code).toBe(1009);
  });

  it('refuses a client its third socket (LIVE_MAX_CONNECTIONS_PER_CLIENT=2) with 1013, and lets it in once one closes', async () => {
    const first = await openInitialised(strict, editorToken);
    const second = await openInitialised(strict, editorToken);
    const third = await openRaw(strict);
    expect(await third.closed).toEqual({
      code: 1013,
      reason: 'too many connections from this client: at most 2 (LIVE_MAX_CONNECTIONS_PER_CLIENT)',
    });
    first.socket.close();
    await first.closed;
    const fourth = await openInitialised(strict, editorToken);
    second.socket.close();
    fourth.socket.close();
    await Promise.all([second.closed, fourth.closed]);
    expect(strictLogs.events('live.refused').map((line) => line.limit)).toContain('LIVE_MAX_CONNECTIONS_PER_CLIENT');
  });

  it('logs one line per connection opened and closed, and counts open subscriptions in a gauge', async () => {
    const opened = strictLogs.events('live.open').length;
    const closed = strictLogs.events('live.close').length;
    const live = subscribe(clientOf(strict, { authorization: `Bearer ${editorToken}` }));
    await until(() => live.events.length === 1, 3_000, 'the subscription');
    expect(await strictMetrics.exposition()).toMatch(/^honjo_live_subscriptions 1$/m);
    expect(await strictMetrics.exposition()).toContain(`honjo_live_connections ${strict.live.connectionCount()}\n`);
    live.stop();
    await until(() => strict.live.subscriptionCount() === 0, 2_000, 'the subscription to end');
    await clients[clients.length - 1]?.dispose();
    await until(() => strictLogs.events('live.close').length > closed, 2_000, 'the close line');
    expect(strictLogs.events('live.open')).toHaveLength(opened + 1);
    const line = strictLogs.events('live.close').at(-1);
    expect(line).toMatchObject({ level: 'info', code: 1000, signedIn: true });
    expect(line?.client).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(typeof line?.durationMs).toBe('number');
    // The token never reaches the log.
    expect(strictLogs.raw.join('')).not.toContain(editorToken);
    expect(await strictMetrics.exposition()).toMatch(/^honjo_live_subscriptions 0$/m);
  });

  it('drops a connection that stops answering pings (LIVE_KEEPALIVE_MS), and keeps one that answers', async () => {
    const pinging = await startTestServer(dbA.gateway, { live: { keepAliveMs: 1_000 } });
    try {
      const open = (autoPong: boolean): Promise<{ socket: WebSocket; closed: Promise<number> }> =>
        new Promise((resolve, reject) => {
          const socket = new WebSocket(wsUrl(pinging), 'graphql-transport-ws', { autoPong });
          const closed = new Promise<number>((resolveClose) => socket.once('close', (code) => resolveClose(code)));
          socket.once('open', () => {
            socket.send(JSON.stringify({ type: 'connection_init' }));
            resolve({ socket, closed });
          });
          socket.once('error', reject);
        });
      const silent = await open(false);
      const answering = await open(true);
      const openedAt = Date.now();
      // Pinged at 1 s, no pong by the next ping at 2 s: cut, without a close frame (1006).
      expect(await silent.closed).toBe(1006);
      expect(Date.now() - openedAt).toBeGreaterThanOrEqual(1_900);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(answering.socket.readyState).toBe(WebSocket.OPEN);
      answering.socket.close();
      await answering.closed;
    } finally {
      await pinging.stop();
    }
  });

  it('closes open sockets when the service stops (1001)', async () => {
    const db = openTestDatabase();
    const stopping = await startTestServer(db.gateway);
    try {
      const raw = await openRaw(stopping);
      raw.socket.send(JSON.stringify({ type: 'connection_init' }));
      await waitForMessage(raw, (message) => message.type === 'connection_ack');
      const closedAt = raw.closed.then(() => Date.now());
      const lateness = timerLateness(0);
      await stopping.stop();
      const stoppedAt = Date.now();
      // 1001 is the service's own close; a socket cut after the stop's grace second would read 1006.
      expect(await raw.closed).toEqual({ code: 1001, reason: 'the service is stopping' });
      // Closed while the service stopped, not after: by the time stop() returned, give or take a timer's
      // lateness measured meanwhile (the close is an event of this same process).
      expect(await closedAt).toBeLessThanOrEqual(stoppedAt + (await lateness) + 1);
    } finally {
      await db.close();
    }
  });
});
