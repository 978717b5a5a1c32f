import WebSocket from 'ws';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { rawRequest } from '../../../helpers/raw-http';
import { readExposition } from '../../../helpers/prometheus-text';

/**
 * Only its own hosts (issue 40): a request whose Host names another site (a page that rebound its name to this
 * machine's address) is refused with 421 before any work; WebSocket upgrades check Host too, and judge a page's
 * Origin against the names the service answers to and CORS_ORIGINS, not against the request's own Host.
 * One server with the default (localhost, 127.0.0.1, [::1] and the bound address) and CORS_ORIGINS listed,
 * one with ALLOWED_HOSTS=api.example.org, which adds that name to its own (issue 55: a health check by
 * address was locked out when the list replaced them). The health routes answer any Host.
 */
const QUERY = JSON.stringify({ query: '{ sdg(number: 17) { number } }' });
const LISTED_ORIGIN = 'https://dash.example.org';

function wsUrl(server: TestServer): string {
  return `${server.url.replace(/^http/, 'ws')}/graphql`;
}

/** The HTTP status of a WebSocket upgrade with these headers: 101 when it became a socket. */
function upgradeStatus(server: TestServer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(server), 'graphql-transport-ws', { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

describe('allowed hosts and origins', () => {
  let db: TestDatabase;
  let local: TestServer;
  let named: TestServer;
  let metrics: ServiceMetrics;

  beforeAll(async () => {
    db = openTestDatabase();
    metrics = new ServiceMetrics();
    local = await startTestServer(db.gateway, { http: { corsOrigins: [LISTED_ORIGIN] }, metrics });
    named = await startTestServer(db.gateway, { env: { ALLOWED_HOSTS: 'api.example.org' } });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([local?.stop(), named?.stop()]);
    await db?.close();
  });

  const post = (server: TestServer, host: string) =>
    rawRequest(`${server.url}/graphql`, {
      method: 'POST',
      headers: { host, 'content-type': 'application/json' },
      body: QUERY,
    });

  it('answers the loopback names, with or without a port', async () => {
    const port = new URL(local.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST', 'localhost.']) {
      const answer = await post(local, host);
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
    }
  });

  it('refuses another Host with 421 HOST_NOT_ALLOWED before any work, on every route', async () => {
    const before = readExposition(await metrics.exposition()).samples.filter((s) =>
      s.name.startsWith('honjo_graphql_request_duration_seconds_count'),
    );
    for (const host of [
      'rebound.example',
      `rebound.example:${new URL(local.url).port}`,
      '127.0.0.2',
      'localhost.evil',
    ]) {
      const answer = await post(local, host);
      expect({ host, status: answer.status }).toEqual({ host, status: 421 });
      expect(JSON.parse(answer.body.toString('utf8'))).toEqual({
        error: { code: 'HOST_NOT_ALLOWED', message: expect.stringContaining('ALLOWED_HOSTS') as unknown },
      });
    }
    for (const path of ['/export/measures.csv', '/dashboard/', '/health/livex', '/health/ready/x']) {
      const answer = await rawRequest(`${local.url}${path}`, { headers: { host: 'rebound.example' } });
      expect({ path, status: answer.status }).toEqual({ path, status: 421 });
    }
    // No GraphQL request ran for any of them.
    const after = readExposition(await metrics.exposition()).samples.filter((s) =>
      s.name.startsWith('honjo_graphql_request_duration_seconds_count'),
    );
    expect(after).toEqual(before);
  });

  it('with ALLOWED_HOSTS set, answers the names it adds and still its own', async () => {
    const port = new URL(named.url).port;
    expect((await post(named, 'api.example.org')).status).toBe(200);
    expect((await post(named, `Api.Example.org:${port}`)).status).toBe(200);
    // The compose health check asks 127.0.0.1 whatever the public name is.
    for (const host of ['localhost', `127.0.0.1:${port}`, '[::1]']) {
      expect({ host, status: (await post(named, host)).status }).toEqual({ host, status: 200 });
    }
    expect((await post(named, 'example.org')).status).toBe(421);
  });

  it('answers the health routes under any Host, so a load balancer may probe by any name or address', async () => {
    for (const path of ['/health/live', '/health/ready', '/health/ready?verbose=1']) {
      for (const host of ['rebound.example', '10.1.2.3:4000']) {
        const answer = await rawRequest(`${named.url}${path}`, { headers: { host } });
        expect({ path, host, status: answer.status }).toEqual({ path, host, status: 200 });
      }
    }
  });

  it('refuses a WebSocket upgrade naming another Host with 421', async () => {
    expect(await upgradeStatus(local, { host: 'rebound.example' })).toBe(421);
    // The rebinding page sends its own name as Host and Origin: once judged same-origin, now refused.
    expect(await upgradeStatus(local, { host: 'rebound.example', origin: 'http://rebound.example' })).toBe(421);
    expect(await upgradeStatus(local, {})).toBe(101);
  });

  it("judges an upgrade's Origin against the allowed hosts and CORS_ORIGINS, not against its Host", async () => {
    const port = new URL(local.url).port;
    expect(await upgradeStatus(local, { origin: LISTED_ORIGIN })).toBe(101);
    // The service's own pages, under any of its names.
    expect(await upgradeStatus(local, { origin: `http://localhost:${port}` })).toBe(101);
    expect(await upgradeStatus(local, { origin: `http://127.0.0.1:${port}` })).toBe(101);
    // A page elsewhere, whatever the Host says.
    expect(await upgradeStatus(local, { origin: 'http://rebound.example' })).toBe(403);
    expect(await upgradeStatus(named, { host: 'api.example.org', origin: 'http://localhost' })).toBe(101);
    expect(await upgradeStatus(named, { host: 'api.example.org', origin: 'https://other.example' })).toBe(101);
  });
});
