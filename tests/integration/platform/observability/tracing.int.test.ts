import { SpanKind } from '@opentelemetry/api';
import {
  ATTR_DB_NAMESPACE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';

/** GraphQL's attributes are still incubating in the conventions (their module needs ESM resolution). */
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createTracing } from '../../../../src/platform/observability/tracing/create-tracing';
import type { RequestTracing } from '../../../../src/platform/observability/tracing/request-tracing';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * Tracing on: the real server over the seeded test database, its spans caught by the SDK's in-memory
 * exporter (the same tracing pieces `npm start` attaches, over another span processor).
 */
const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** A variable value that must never appear in a span (parameters are not recorded). */
const DEPARTMENT = '市民活動推進課';
const MEASURES_OF_DEPARTMENT = `query TracedMeasures($d: String!) {
  measures(filter: {sdg: 17, department: $d}) { totalCount nodes { code policyItem { code } departments { name } } }
}`;

let db: TestDatabase;
let exporter: InMemorySpanExporter;
let tracing: RequestTracing;
let traced: TestServer;

beforeAll(async () => {
  db = openTestDatabase();
  exporter = new InMemorySpanExporter();
  tracing = createTracing(new SimpleSpanProcessor(exporter));
  traced = await startTestServer(db.gateway.observing(tracing.statementObserver), {
    tracing,
    export: { pageSize: 4 },
  });
});

afterAll(async () => {
  await traced.stop();
  await tracing.shutdown();
  await db.close();
});

beforeEach(() => exporter.reset());

/** The finished spans once the HTTP request's span has ended (it ends when the response closes). */
async function spansOfRequest(): Promise<ReadableSpan[]> {
  const deadline = Date.now() + 5_000;
  while (!exporter.getFinishedSpans().some((span) => span.kind === SpanKind.SERVER)) {
    if (Date.now() > deadline) throw new Error('no HTTP request span ended within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return exporter.getFinishedSpans();
}

const named = (spans: readonly ReadableSpan[], name: string): ReadableSpan[] =>
  spans.filter((span) => span.name === name);
const only = (spans: readonly ReadableSpan[], name: string): ReadableSpan => {
  const found = named(spans, name);
  expect(found.map((span) => span.name)).toEqual([name]);
  return found[0]!;
};
const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan): string => span.spanContext().spanId;
const isStatement = (span: ReadableSpan): boolean => span.attributes['db.system.name'] === 'neo4j';

describe('a GraphQL request with a W3C traceparent', () => {
  let spans: ReadableSpan[];

  beforeAll(async () => {
    exporter.reset();
    const response = await traced.query(MEASURES_OF_DEPARTMENT, { d: DEPARTMENT }, { traceparent: TRACEPARENT });
    expect(response.errors).toBeUndefined();
    expect((response.data as { measures: { totalCount: number } }).measures.totalCount).toBe(9);
    spans = await spansOfRequest();
  });

  it("puts every span in the caller's trace", () => {
    expect(spans.length).toBeGreaterThanOrEqual(5);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([CALLER_TRACE_ID]));
  });

  it("makes the HTTP request's server span a child of the caller's span", () => {
    const http = only(spans, 'POST /graphql');
    expect(http.kind).toBe(SpanKind.SERVER);
    expect(parentOf(http)).toBe(CALLER_SPAN_ID);
    expect(http.parentSpanContext?.isRemote).toBe(true);
    expect(http.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/graphql',
      'url.path': '/graphql',
      'http.response.status_code': 200,
    });
  });

  it('carries the attributes the semantic conventions require of HTTP server, GraphQL and database spans', () => {
    // HTTP server spans: method, path and scheme always; status code and route when known (they are here).
    const http = only(spans, 'POST /graphql');
    const requiredOfServer = [
      ATTR_HTTP_REQUEST_METHOD,
      ATTR_URL_PATH,
      ATTR_URL_SCHEME,
      ATTR_HTTP_RESPONSE_STATUS_CODE,
      ATTR_HTTP_ROUTE,
    ];
    expect(Object.keys(http.attributes)).toEqual(expect.arrayContaining(requiredOfServer));
    expect(http.attributes[ATTR_URL_SCHEME]).toBe('http');
    // GraphQL spans: the operation's type (and its name when it has one).
    expect(only(spans, 'graphql.execute').attributes).toMatchObject({
      [ATTR_GRAPHQL_OPERATION_TYPE]: 'query',
      [ATTR_GRAPHQL_OPERATION_NAME]: 'TracedMeasures',
    });
    // Database client spans: the system always, the namespace when known (Community's one database, neo4j).
    const statements = spans.filter(isStatement);
    expect(statements.length).toBeGreaterThanOrEqual(1);
    for (const statement of statements) {
      expect(statement.attributes).toMatchObject({ [ATTR_DB_SYSTEM_NAME]: 'neo4j', [ATTR_DB_NAMESPACE]: 'neo4j' });
    }
  });

  it('has parse, validate and execute spans under the HTTP span, in that order', () => {
    const http = only(spans, 'POST /graphql');
    const phases = ['graphql.parse', 'graphql.validate', 'graphql.execute'].map((name) => only(spans, name));
    for (const phase of phases) expect(parentOf(phase)).toBe(idOf(http));
    const [parse, validate, execute] = phases as [ReadableSpan, ReadableSpan, ReadableSpan];
    expect(hrMs(parse.endTime)).toBeLessThanOrEqual(hrMs(validate.startTime) + CLOCK_SLACK_MS);
    expect(hrMs(validate.endTime)).toBeLessThanOrEqual(hrMs(execute.startTime) + CLOCK_SLACK_MS);
    expect(execute.attributes).toMatchObject({
      'graphql.operation.name': 'TracedMeasures',
      'graphql.operation.type': 'query',
    });
  });

  it('has a span per Cypher statement, each a child of the execute span, named by its statement', () => {
    const execute = only(spans, 'graphql.execute');
    const statements = spans.filter(isStatement);
    expect(statements.length).toBeGreaterThanOrEqual(1);
    for (const statement of statements) {
      expect(parentOf(statement)).toBe(idOf(execute));
      expect(statement.kind).toBe(SpanKind.CLIENT);
      expect(statement.attributes).toMatchObject({
        'db.system': 'neo4j',
        'db.query.summary': statement.name,
        'neo4j.access_mode': 'READ',
      });
      // Within the execute span's time.
      expect(hrMs(statement.startTime)).toBeGreaterThanOrEqual(hrMs(execute.startTime) - CLOCK_SLACK_MS);
      expect(hrMs(statement.endTime)).toBeLessThanOrEqual(hrMs(execute.endTime) + CLOCK_SLACK_MS);
    }
    // The measures page is one compiled statement, named by what it was compiled from, its selection apart.
    const page = statements.find((statement) => statement.name.startsWith('measures('));
    expect(page).toBeDefined();
    // Its prefetched selection: policyItem (in over HAS_MEASURE) and departments (in over RESPONSIBLE_FOR).
    expect(page!.attributes['neo4j.statement.shape']).toBe('in:HAS_MEASURE,in:RESPONSIBLE_FOR');
  });

  it('records no parameter or statement text in any span', () => {
    for (const span of spans) {
      for (const value of Object.values(span.attributes)) {
        expect(String(value)).not.toContain(DEPARTMENT);
        expect(String(value)).not.toMatch(/\bMATCH\b|\bRETURN\b/);
      }
    }
  });
});

describe('an export', () => {
  it('has a span per page, each with its operation and statements under it', async () => {
    const response = await fetch(
      `${traced.url}/export/measures.csv?sdg=17&department=${encodeURIComponent(DEPARTMENT)}`,
      { headers: { traceparent: TRACEPARENT } },
    );
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const spans = await spansOfRequest();

    const http = only(spans, 'GET /export/:file');
    expect(parentOf(http)).toBe(CALLER_SPAN_ID);
    const pages = named(spans, 'export page').sort(
      (a, b) => Number(a.attributes['export.page']) - Number(b.attributes['export.page']),
    );
    // 9 measures in pages of 4.
    expect(pages.map((page) => page.attributes['export.page'])).toEqual([1, 2, 3]);
    for (const page of pages) {
      expect(parentOf(page)).toBe(idOf(http));
      expect(page.attributes).toMatchObject({ 'export.kind': 'measures', 'export.format': 'csv' });
      const executes = named(spans, 'graphql.execute').filter((execute) => parentOf(execute) === idOf(page));
      expect(executes).toHaveLength(1);
      const statements = spans.filter((span) => isStatement(span) && parentOf(span) === idOf(executes[0]!));
      expect(statements.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([CALLER_TRACE_ID]));
  });
});

describe('statements outside a request', () => {
  it('make no span (start-up, seeding and background checks would each be a trace of their own)', async () => {
    await db.gateway.observing(tracing.statementObserver).read('service/ping');
    expect(exporter.getFinishedSpans().filter(isStatement)).toEqual([]);
  });
});

describe('tracing off', () => {
  it('adds nothing: a server built without it makes no span, even with a tracer in the process', async () => {
    // A trace of its own, so that no span of the traced server's earlier requests could be taken for one.
    const traceId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const traceparent = `00-${traceId}-${CALLER_SPAN_ID}-01`;
    const untraced = await startTestServer(db.gateway);
    try {
      const response = await untraced.query(MEASURES_OF_DEPARTMENT, { d: DEPARTMENT }, { traceparent });
      expect(response.errors).toBeUndefined();
      const exported = await fetch(`${untraced.url}/export/measures.csv?sdg=17`, { headers: { traceparent } });
      expect(exported.status).toBe(200);
      await exported.arrayBuffer();
    } finally {
      await untraced.stop();
    }
    expect(exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId)).toEqual([]);
  });
});

/**
 * The SDK times spans from clocks anchored per span tree, so the end of one span and the start of the next can
 * differ by microseconds from the order they happened in; ordering is checked to this slack.
 */
const CLOCK_SLACK_MS = 1;

function hrMs([seconds, nanos]: readonly [number, number]): number {
  return seconds * 1000 + nanos / 1e6;
}
