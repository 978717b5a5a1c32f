import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

/**
 * The tracing `npm start` builds with OTEL_EXPORTER_OTLP_ENDPOINT set, its spans sent by the real OTLP/HTTP
 * exporter over the wire to a local HTTP server standing in for a collector (Jaeger, Tempo, an
 * OpenTelemetry Collector all take OTLP/HTTP on port 4318). The spans are made in a plain Node process, as
 * in service: the exporter loads `node:http` by a dynamic import, which Jest's module sandbox refuses.
 */
const PROBE = `
import { createLogger } from '../../../../src/platform/observability/logger';
import { startTracing } from '../../../../src/platform/observability/tracing/start-tracing';
const tracing = startTracing(createLogger({ level: 'info' }));
tracing
  .exportPage({ kind: 'measures', format: 'csv', index: 1 }, () => {
    tracing.statementObserver.started({ name: 'records/write-result', mode: 'WRITE' })({ durationMs: 2 });
    return Promise.resolve();
  })
  // The batch is sent on its schedule (OTEL_BSP_SCHEDULE_DELAY), as in service; shutting down sends what is left.
  .then(() => new Promise((resolve) => setTimeout(resolve, 500)))
  .then(() => tracing.shutdown())
  .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;
/** Inside the repository, so the bundle finds package.json and node_modules as the service does. */
const PROBE_FILE = join('node_modules', '.cache', 'otlp-trace-export-test', 'probe.js');
interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: OtlpTraces;
}

interface OtlpAttribute {
  readonly key: string;
  readonly value: { readonly stringValue?: string; readonly intValue?: number | string };
}
interface OtlpSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes: readonly OtlpAttribute[];
}
interface OtlpTraces {
  readonly resourceSpans: readonly {
    readonly resource: { readonly attributes: readonly OtlpAttribute[] };
    readonly scopeSpans: readonly { readonly spans: readonly OtlpSpan[] }[];
  }[];
}

const received: Received[] = [];
let collector: Server;
/** The status the stand-in collector answers with; 200 unless a test makes it refuse. */
let collectorStatus = 200;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces,
      });
      response.writeHead(collectorStatus, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  await build({
    stdin: { contents: PROBE, loader: 'ts', resolveDir: __dirname },
    bundle: true,
    platform: 'node',
    packages: 'external',
    outfile: PROBE_FILE,
    logLevel: 'silent',
  });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => collector.close(resolve));
});

const valueOf = (attributes: readonly OtlpAttribute[], key: string): string | number | undefined => {
  const value = attributes.find((attribute) => attribute.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

/** Runs the probe against the stand-in collector; its stdout is the service's log (JSON lines). */
async function runProbe(): Promise<string> {
  const { port } = collector.address() as AddressInfo;
  const { stdout } = await promisify(execFile)(process.execPath, [PROBE_FILE], {
    env: {
      PATH: process.env.PATH,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-scope-orgid=honjo',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
    timeout: 20_000,
  });
  return stdout;
}

it('sends the spans to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces, with the service named and headers added', async () => {
  const log = await runProbe();
  expect(log).toBe('');

  expect(received.map((request) => request.path)).toEqual(['/v1/traces']);
  const [request] = received as [Received];
  expect(request.headers['content-type']).toBe('application/json');
  expect(request.headers['x-scope-orgid']).toBe('honjo');
  const [resourceSpans] = request.body.resourceSpans;
  expect(valueOf(resourceSpans!.resource.attributes, 'service.name')).toBe('honjo-policy-graph');
  expect(valueOf(resourceSpans!.resource.attributes, 'deployment.environment.name')).toBe('test');
  const spans = resourceSpans!.scopeSpans.flatMap((scope) => scope.spans);
  const page = spans.find((span) => span.name === 'export page');
  const statement = spans.find((span) => span.name === 'records/write-result');
  expect(valueOf(page!.attributes, 'export.page')).toBe(1);
  expect(valueOf(statement!.attributes, 'neo4j.access_mode')).toBe('WRITE');
  expect(statement!.traceId).toBe(page!.traceId);
  expect(statement!.parentSpanId).toBe(page!.spanId);
});

it('tells the log when the collector refuses the spans, instead of dropping them silently', async () => {
  collectorStatus = 400;
  received.length = 0;
  try {
    const log = await runProbe();
    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; event?: string; msg: string });
    expect(received.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.event === 'tracing' && /error|warn/.test(line.level))).toBe(true);
  } finally {
    collectorStatus = 200;
  }
});
