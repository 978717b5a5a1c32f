import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket, { type ClientOptions } from 'ws';
import { captureLogs, type CapturedLogs, type LogLine } from '../../../helpers/log-capture';
import { CONNECTION_UPGRADE_MAP, PROXY_LOCATION, startNginx, type NginxProxy } from '../../../helpers/nginx-proxy';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { waitUntil } from '../../../helpers/wait-until';

/**
 * Behind a real reverse proxy (issue 55): nginx terminates TLS with a certificate made for the run and proxies
 * to the service as docs/operators.md shows (X-Forwarded-For, -Proto, -Host, WebSocket upgrade). The test's
 * client connects from 127.0.0.2, so nginx sees 127.0.0.2 while the service's peer is nginx at 127.0.0.1.
 * `trusting` has TRUSTED_PROXIES=127.0.0.1 and must see the client; `plain` trusts no proxy and must see nginx.
 */
const CLIENT_ADDRESS = '127.0.0.2';
const QUERY = JSON.stringify({ query: '{ sdg(number: 17) { number } }' });

interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

describe('behind nginx with TLS', () => {
  let db: TestDatabase;
  let logs: CapturedLogs;
  let plainLogs: CapturedLogs;
  let trusting: TestServer;
  let plain: TestServer;
  let nginx: NginxProxy;
  /** nginx's https ports: in front of `trusting`, in front of `plain`. */
  let trustingPort: number;
  let plainPort: number;

  beforeAll(async () => {
    db = openTestDatabase();
    logs = captureLogs('debug');
    plainLogs = captureLogs('debug');
    trusting = await startTestServer(db.gateway, { env: { TRUSTED_PROXIES: '127.0.0.1' }, logger: logs.logger });
    plain = await startTestServer(db.gateway, { logger: plainLogs.logger });
    nginx = await startNginx([upstreamOf(trusting), upstreamOf(plain)]);
    [trustingPort = 0, plainPort = 0] = nginx.ports;
  }, 60_000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([trusting?.stop(), plain?.stop()]);
    await db?.close();
  });

  /** One request over https through nginx from 127.0.0.2, as `localhost` (the certificate's name). */
  const viaNginx = (
    port: number,
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = httpsRequest(
        `https://localhost:${port}${path}`,
        {
          method: options.method ?? 'GET',
          headers: options.headers,
          family: 4,
          localAddress: CLIENT_ADDRESS,
          ca: nginx.certificate,
          // The certificate's name, whatever Host the request names (node takes the server name from Host).
          servername: 'localhost',
        },
        (response) => collect(response, resolve, reject),
      );
      request.on('error', reject);
      request.end(options.body);
    });

  const accessLine = async (captured: CapturedLogs, requestId: string): Promise<LogLine> => {
    const find = () => captured.events('http.request').find((line) => line.requestId === requestId);
    await waitUntil(`the access line of ${requestId}`, () => find() !== undefined);
    return find() as LogLine;
  };

  it('answers a GraphQL query over https and logs the client nginx saw, with its scheme', async () => {
    const answer = await viaNginx(trustingPort, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-query-1' },
      body: QUERY,
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { sdg: { number: 17 } } });
    expect(await accessLine(logs, 'proxy-query-1')).toMatchObject({
      client: CLIENT_ADDRESS,
      scheme: 'https',
      path: '/graphql',
      status: 200,
    });
  });

  it('serves the IDE page to a browser through it', async () => {
    const answer = await viaNginx(trustingPort, '/graphql', {
      headers: { accept: 'text/html', 'x-request-id': 'proxy-ide-1' },
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.body).toContain('<html');
    expect(await accessLine(logs, 'proxy-ide-1')).toMatchObject({ client: CLIENT_ADDRESS, scheme: 'https' });
  });

  it('runs a subscription over wss, the connection counted for the client', async () => {
    const options: ClientOptions = { family: 4, localAddress: CLIENT_ADDRESS, ca: nginx.certificate };
    // graphql-ws builds its socket as `new WebSocketImpl(url, protocol)`: the options come with the class.
    class FromSecondLoopback extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, options);
      }
    }
    const client = createClient({
      url: `wss://localhost:${trustingPort}/graphql`,
      webSocketImpl: FromSecondLoopback,
      retryAttempts: 0,
      lazy: true,
    });
    try {
      const first = await new Promise<unknown>((resolve, reject) => {
        const stop = client.subscribe(
          { query: 'subscription { dataVersionChanged { initial } }' },
          {
            next: (value) => {
              stop();
              resolve(value);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      expect(first).toEqual({ data: { dataVersionChanged: { initial: true } } });
      expect(logs.events('live.open').at(-1)).toMatchObject({ client: CLIENT_ADDRESS });
    } finally {
      await client.dispose();
    }
  });

  it('keeps the real client when the client writes X-Forwarded-For itself', async () => {
    await viaNginx(trustingPort, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-spoof-1', 'x-forwarded-for': '10.9.9.9' },
      body: QUERY,
    });
    // nginx appended 127.0.0.2 to the client's own list; only 127.0.0.1 is trusted, so 127.0.0.2 is the client.
    expect(await accessLine(logs, 'proxy-spoof-1')).toMatchObject({ client: CLIENT_ADDRESS });
  });

  it('ignores the headers from a peer it does not trust: sent straight to the service', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        `${trusting.url}/graphql`,
        {
          method: 'POST',
          family: 4,
          localAddress: CLIENT_ADDRESS,
          headers: {
            'content-type': 'application/json',
            'x-request-id': 'direct-spoof-1',
            'x-forwarded-for': '10.9.9.9',
            'x-forwarded-proto': 'https',
          },
        },
        (response) => collect(response, resolve, reject),
      );
      request.on('error', reject);
      request.end(QUERY);
    });
    expect(answer.status).toBe(200);
    expect(await accessLine(logs, 'direct-spoof-1')).toMatchObject({ client: CLIENT_ADDRESS, scheme: 'http' });
  });

  it('without TRUSTED_PROXIES the same headers are ignored: the client is nginx', async () => {
    const answer = await viaNginx(plainPort, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'plain-query-1' },
      body: QUERY,
    });
    expect(answer.status).toBe(200);
    expect(await accessLine(plainLogs, 'plain-query-1')).toMatchObject({ client: '127.0.0.1', scheme: 'http' });
  });

  it('is set up as docs/operators.md shows operators', () => {
    const guide = readFileSync('docs/operators.md', 'utf8');
    // The guide's server block (its other nginx block is the upgrade's two-instance upstream).
    const blocks = [...guide.matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const shown = blocks.find((block) => block.includes('location / {')) ?? '';
    const linesOf = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const ours = linesOf(
      `${CONNECTION_UPGRADE_MAP}\n${PROXY_LOCATION.replace('http://upstream', 'http://127.0.0.1:4000')}`,
    );
    expect(linesOf(shown)).toEqual(expect.arrayContaining(ours));
  });

  it('checks the host the client asked nginx for, and answers health checks under any name', async () => {
    const rebound = await viaNginx(trustingPort, '/graphql', {
      method: 'POST',
      headers: { host: 'rebound.example', 'content-type': 'application/json' },
      body: QUERY,
    });
    expect(rebound.status).toBe(421);
    const health = await viaNginx(trustingPort, '/health/live', { headers: { host: 'rebound.example' } });
    expect(health.status).toBe(200);
  });
});

/** The http:// URL nginx proxies to for a test server (its port on 127.0.0.1). */
function upstreamOf(server: TestServer): string {
  return `http://127.0.0.1:${new URL(server.url).port}`;
}

function collect(response: IncomingMessage, resolve: (answer: Answer) => void, reject: (error: Error) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () =>
    resolve({
      status: response.statusCode ?? 0,
      contentType: response.headers['content-type'],
      body: Buffer.concat(chunks).toString('utf8'),
    }),
  );
  response.on('error', reject);
}
