import { request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { SpanKind } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { createTracing } from '../../../../src/platform/observability/tracing/create-tracing';
import type { RequestTracing } from '../../../../src/platform/observability/tracing/request-tracing';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { captureLogs, type CapturedLogs, type LogLine } from '../../../helpers/log-capture';
import { startNginx, type NginxProxy } from '../../../helpers/nginx-proxy';
import { promtoolFindings, readExposition, sampleValue, type Exposition } from '../../../helpers/prometheus-text';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { waitUntil } from '../../../helpers/wait-until';

/**
 * The HTTP front's metrics and spans against its access lines (issue 77): one real server over the test run's
 * Neo4j, with metrics, tracing and TRUSTED_PROXIES=127.0.0.1, behind a real nginx that ends TLS. The client of
 * the nginx requests connects from 127.0.0.2, so a span that says 127.0.0.1 took the peer, not the client.
 */
const TOKEN = 'http-telemetry-token-0123456789abcdefghij';
const HISTOGRAM = 'http_server_request_duration_seconds';
const CLIENT_ADDRESS = '127.0.0.2';
const USER_AGENT = 'honjo-telemetry-test/1.0 (+docs/operators.md)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The route patterns the HTTP front declares (src/server.ts, serve-dashboard.ts), and `unmatched`. */
const DECLARED_ROUTES = new Set([
  '/graphql',
  '/export/:file',
  '/health/live',
  '/health/ready',
  '/metrics',
  '/ide/*',
  '/',
  '/dashboard',
  '/dashboard/',
  '/dashboard/assets/*',
  'unmatched',
]);

describe('HTTP metrics and spans that agree with the access line', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let logs: CapturedLogs;
  let exporter: InMemorySpanExporter;
  let tracing: RequestTracing;
  let metrics: ServiceMetrics;
  let server: TestServer;
  let nginx: NginxProxy;

  beforeAll(async () => {
    db = openTestDatabase();
    logs = captureLogs('debug');
    exporter = new InMemorySpanExporter();
    tracing = createTracing(new SimpleSpanProcessor(exporter));
    metrics = new ServiceMetrics();
    server = await startTestServer(db.gateway.observing(tracing.statementObserver), {
      env: { TRUSTED_PROXIES: '127.0.0.1' },
      logger: logs.logger,
      tracing,
      metrics,
      metricsToken: TOKEN,
      export: { pageSize: 20 },
    });
    nginx = await startNginx([`http://127.0.0.1:${new URL(server.url).port}`]);
  }, 120_000);
  afterAll(async () => {
    await nginx?.stop();
    await server?.stop();
    await tracing?.shutdown();
    await db?.close();
  });

  const scrape = async (): Promise<{ text: string; exposition: Exposition }> => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, exposition: readExposition(text) };
  };
  const accessLine = async (requestId: string): Promise<LogLine> => {
    const find = () => logs.events('http.request').find((line) => line.requestId === requestId);
    await waitUntil(`the access line of ${requestId}`, () => find() !== undefined);
    return find() as LogLine;
  };
  const serverSpan = async (path: string): Promise<ReadableSpan> => {
    const find = () =>
      exporter.getFinishedSpans().find((span) => span.kind === SpanKind.SERVER && span.attributes['url.path'] === path);
    await waitUntil(`the server span of ${path}`, () => find() !== undefined);
    return find() as ReadableSpan;
  };

  it('counts a download under /export/:file, in an exposition promtool accepts', async () => {
    const before = (await scrape()).exposition;
    const download = await fetch(`${server.url}/export/measures.csv?sdg=17`, { headers: { 'x-request-id': 'dl-1' } });
    expect(download.status).toBe(200);
    expect((await download.text()).length).toBeGreaterThan(0);
    const line = await accessLine('dl-1');
    const { text, exposition } = await scrape();
    const labels = { http_route: '/export/:file', http_request_method: 'GET', http_response_status_class: '2xx' };
    const count = (of: Exposition) => sampleValue(of, `${HISTOGRAM}_count`, labels) ?? 0;
    const sum = (of: Exposition) => sampleValue(of, `${HISTOGRAM}_sum`, labels) ?? 0;
    expect(count(exposition) - count(before)).toBe(1);
    // The duration observed is the access line's own.
    expect(sum(exposition) - sum(before)).toBeCloseTo(Number(line.durationMs) / 1000, 6);
    expect(exposition.types.get(HISTOGRAM)).toBe('histogram');
    expect(promtoolFindings(text)).toBe('');
  });

  it('labels any path by a declared route or `unmatched`, and counts what the access lines count', async () => {
    const paths = fc.oneof(
      fc.constantFrom('/graphql?query=%7B__typename%7D', '/health/live', '/health/ready', '/dashboard', '/'),
      fc
        .constantFrom('/export/', '/dashboard/assets/', '/ide/', '/')
        .chain((prefix) => fc.stringMatching(/^[a-z0-9._-]{1,24}$/).map((tail) => `${prefix}${tail}`)),
    );
    const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'PROPFIND');
    const requests = fc.sample(fc.tuple(paths, methods), { numRuns: 60, seed: 77 });
    const before = (await scrape()).exposition;
    const ids: string[] = [];
    for (const [index, [path, method]] of requests.entries()) {
      const id = `labels-${index}`;
      ids.push(id);
      // Redirects not followed: each request here is one access line.
      await fetch(`${server.url}${path}`, {
        method,
        redirect: 'manual',
        headers: { 'x-request-id': id, accept: 'text/html' },
      }).then((answer) => answer.arrayBuffer());
    }
    const lines = await Promise.all(ids.map(accessLine));
    const { text, exposition } = await scrape();
    const series = exposition.samples.filter((sample) => sample.name === `${HISTOGRAM}_count`);
    for (const sample of series) {
      expect(DECLARED_ROUTES).toContain(sample.labels.http_route);
      expect(['GET', 'HEAD', 'POST', 'DELETE', '_OTHER']).toContain(sample.labels.http_request_method);
      expect(sample.labels.http_response_status_class).toMatch(/^[1-5]xx$/);
    }
    // No raw path reached a label: a generated tail never appears in the exposition.
    for (const [path] of requests) {
      const tail = path.split('/').at(-1) ?? '';
      if (tail.length > 12) expect(text).not.toContain(tail);
    }
    // Each status class and method the lines show, the histogram counted as often.
    const tally = new Map<string, number>();
    for (const line of lines) {
      const method = ['GET', 'HEAD', 'POST', 'DELETE'].includes(String(line.method)) ? String(line.method) : '_OTHER';
      const key = `${method} ${Math.floor(Number(line.status) / 100)}xx`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    for (const [key, lineCount] of tally) {
      const [method = '', statusClass = ''] = key.split(' ');
      const labels = { http_request_method: method, http_response_status_class: statusClass };
      const counted =
        (sampleValue(exposition, `${HISTOGRAM}_count`, labels) ?? 0) -
        (sampleValue(before, `${HISTOGRAM}_count`, labels) ?? 0);
      // The scrapes themselves are GET 2xx on /metrics: the one between is counted too.
      expect(counted - (key === 'GET 2xx' ? 1 : 0)).toBe(lineCount);
    }
  });

  it('gives the spans behind nginx https, the client nginx saw and the host it was asked for', async () => {
    exporter.reset();
    const port = nginx.ports[0] ?? 0;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsRequest(
        `https://localhost:${port}/health/live`,
        {
          family: 4,
          localAddress: CLIENT_ADDRESS,
          ca: nginx.certificate,
          servername: 'localhost',
          headers: { 'x-request-id': 'span-tls-1', 'user-agent': USER_AGENT },
        },
        (response: IncomingMessage) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
    const line = await accessLine('span-tls-1');
    const span = await serverSpan('/health/live');
    expect(line).toMatchObject({ client: CLIENT_ADDRESS, scheme: 'https' });
    expect(span.attributes).toMatchObject({
      [ATTR_URL_SCHEME]: line.scheme,
      [ATTR_CLIENT_ADDRESS]: line.client,
      [ATTR_SERVER_ADDRESS]: 'localhost',
      // nginx reports `$host`, without the port (PROXY_LOCATION): the port is the one https implies, as for a
      // proxy on 443.
      [ATTR_SERVER_PORT]: 443,
      [ATTR_USER_AGENT_ORIGINAL]: USER_AGENT,
      [ATTR_NETWORK_PEER_ADDRESS]: '127.0.0.1',
      [ATTR_HTTP_ROUTE]: '/health/live',
    });
  });

  it('names its instance by a random UUID drawn at start when nothing names it', async () => {
    exporter.reset();
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    const span = await serverSpan('/health/live');
    expect(span.resource.attributes[ATTR_SERVICE_INSTANCE_ID]).toMatch(UUID);
    // Straight to the service, no proxy: its own scheme and the Host the client sent.
    expect(span.attributes).toMatchObject({
      [ATTR_URL_SCHEME]: 'http',
      [ATTR_SERVER_ADDRESS]: 'localhost',
      [ATTR_SERVER_PORT]: Number(new URL(server.url).port),
    });
  });
});
