import type { Driver, Transaction } from 'neo4j-driver';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { CypherRegistry } from '../../../../src/db/cypher-registry';
import { UNMANAGED_DATABASE } from '../../../../src/db/database-health';
import { createDriver } from '../../../../src/db/driver';
import { GraphGateway } from '../../../../src/db/graph-gateway';
import {
  listenForMetrics,
  type MetricsListener,
} from '../../../../src/platform/observability/metrics/metrics-listener';
import { OPERATION_LABEL } from '../../../../src/platform/observability/metrics/operation-labels';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { statementMetrics } from '../../../../src/platform/observability/metrics/statement-metrics';
import { watchDatabase } from '../../../../src/platform/observability/metrics/watch-database';
import { promtoolFindings, readExposition, sampleValue, type Exposition } from '../../../helpers/prometheus-text';
import { testNeo4jPassword, testNeo4jUri } from '../../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../../helpers/test-server';

/**
 * The metrics of a real server over the test run's Neo4j, read the way Prometheus reads them: the text a scrape
 * gets, parsed, before and after a short load of reads, errors, refusals and a write. Indicator 5-1-1 belongs
 * to measure 5-1-1, answered by 市民活動推進課 (000 line 55), so an editor of that department may record it.
 */
const TOKEN = 'metrics-test-token-0123456789abcdefghij';
const SECRET = 'metrics-test-secret-0123456789abcdefghij';
const INDICATOR = 'indicator:5-1-1';
const RESULTS = `query IndicatorResults { node(id: "${INDICATOR}") { ... on Indicator { results { fiscalYear current { value } } } } }`;
const RECORD_RESULT = `mutation RecordResult($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;
/** 16 aliases, one over QUERY_MAX_ALIASES' default of 15. */
const TOO_MANY_ALIASES = `query Aliased { ${Array.from({ length: 16 }, (_, i) => `a${i}: measures(first: 1) { totalCount }`).join(' ')} }`;
/** Nine levels of fields, one over QUERY_MAX_DEPTH's default of 8. */
const TOO_DEEP =
  'query Deep { measures(first: 1) { nodes { sdgs { measures { departments { measures { departments { measures { code } } } } } } } } }';
/**
 * Operations the load below runs to the executor: IndicatorResults once (its second answer is the cache's), the
 * anonymous measures, RecordResult twice (refused without a token by its resolver's check, then written) and
 * Waiting.
 */
const EXECUTED_HERE = 5;
/** Pool of the server's driver here: two connections, so the test can hold both and make a request wait. */
const POOL_SIZE = 2;

describe('Prometheus metrics', () => {
  jest.setTimeout(180_000);

  let driver: Driver;
  /** What the database_up gauge asks on, apart from the request pool the test fills, as in the service. */
  let readinessDriver: Driver;
  let metrics: ServiceMetrics;
  let api: TestServer;
  let listener: MetricsListener;
  const editor = async () => ({
    authorization: `Bearer ${await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] })}`,
  });
  const cleanRecords = async () => {
    const session = driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const scrape = async (): Promise<{ text: string; exposition: Exposition }> => {
    const response = await fetch(listener.url);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, exposition: readExposition(text) };
  };

  beforeAll(async () => {
    driver = createDriver(
      { uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() },
      { maxConnectionPoolSize: POOL_SIZE, connectionAcquisitionTimeout: 30_000 },
    );
    await cleanRecords();
    metrics = new ServiceMetrics();
    // As the composition root wires it (src/index.ts).
    const gateway = new GraphGateway(driver, 'neo4j', CypherRegistry.load()).observing(statementMetrics(metrics));
    readinessDriver = createDriver({ uri: testNeo4jUri(), user: 'neo4j', password: testNeo4jPassword() });
    watchDatabase(
      metrics,
      { driver, embedded: undefined, health: UNMANAGED_DATABASE, dataDirectory: undefined },
      new GraphGateway(readinessDriver, 'neo4j', CypherRegistry.load()),
    );
    api = await startTestServer(gateway, {
      env: { RESPONSE_CACHE_MAX_MB: '8' },
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
      metrics,
      metricsToken: TOKEN,
    });
    metrics.watchDataVersion(api.dataVersion);
    listener = await listenForMetrics(metrics, 0);
  });
  afterAll(async () => {
    await listener?.close();
    await api?.stop();
    await cleanRecords();
    await driver?.close();
    await readinessDriver?.close();
  });

  describe('access', () => {
    const metricsOfApi = (headers: Record<string, string> = {}) => fetch(`${api.url}/metrics`, { headers });

    it('refuses /metrics on the API port without the token, with a wrong one, or under another scheme', async () => {
      const refusedHeaders: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${TOKEN.slice(0, -1)}x` },
        { authorization: `Bearer ${TOKEN}-and-more` },
        { authorization: 'Bearer ' },
        { authorization: `Basic ${TOKEN}` },
        { authorization: TOKEN },
      ];
      for (const headers of refusedHeaders) {
        const response = await metricsOfApi(headers);
        const body = await response.text();
        expect({ headers, status: response.status }).toEqual({ headers, status: 401 });
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(JSON.parse(body)).toEqual({ error: 'metrics need the bearer token configured as METRICS_TOKEN' });
      }
    });

    it('serves /metrics on the API port to the configured bearer token', async () => {
      const response = await metricsOfApi({ authorization: `Bearer ${TOKEN}` });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(readExposition(await response.text()).types.get('honjo_graphql_request_duration_seconds')).toBe(
        'histogram',
      );
    });

    it('has no /metrics route on a server without a token: the usual JSON 404', async () => {
      const plain = await startTestServer(new GraphGateway(driver, 'neo4j', CypherRegistry.load()), { metrics });
      try {
        const headerSets: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }];
        for (const headers of headerSets) {
          const response = await fetch(`${plain.url}/metrics`, { headers });
          expect(response.status).toBe(404);
          expect(await response.json()).toEqual({
            error: 'no route /metrics; GraphQL is served at /graphql',
          });
        }
      } finally {
        await plain.stop();
      }
    });

    it('binds the metrics port to loopback by default, and serves only /metrics there', async () => {
      expect(listener.address.host).toBe('127.0.0.1');
      expect(listener.url).toBe(`http://127.0.0.1:${listener.address.port}/metrics`);
      const other = await fetch(listener.url.replace('/metrics', '/graphql'));
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ error: 'only /metrics is served on the metrics port' });
      const post = await fetch(listener.url, { method: 'POST' });
      expect(post.status).toBe(405);
    });
  });

  it('shows every family change under a short load, in an exposition promtool and a strict reader accept', async () => {
    const before = (await scrape()).exposition;
    const delta = (after: Exposition, name: string, labels: Record<string, string> = {}): number =>
      (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);

    // Reads: the same named query twice (a cache miss, then a hit), and an anonymous one.
    expect((await api.query(RESULTS)).errors).toBeUndefined();
    expect((await api.query(RESULTS)).extensions?.cypher).toMatchObject({ queries: 0 });
    expect((await api.query('{ measures(first: 3) { totalCount } }')).errors).toBeUndefined();
    // A document that does not parse, and two refused by the query limits.
    expect((await api.query('{ measures(first: 3) { totalCount }')).status).toBe(400);
    const aliased = await api.query(TOO_MANY_ALIASES);
    expect(aliased.errors?.map((error) => error.extensions?.limit)).toContain('QUERY_MAX_ALIASES');
    const deep = await api.query(TOO_DEEP);
    expect(deep.errors?.map((error) => error.extensions?.limit)).toContain('QUERY_MAX_DEPTH');
    // A write without a token (refused), then one with an editor's token.
    const input = { indicator: INDICATOR, fiscalYear: 2024, value: 64.5 };
    const refused = await api.query(RECORD_RESULT, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const writeSentAt = Date.now();
    const written = await api.query(RECORD_RESULT, { input }, await editor());
    expect(written.errors).toBeUndefined();

    // The pool: the test holds both connections in open transactions, so the next request waits for one.
    const held: Transaction[] = [];
    const sessions = Array.from({ length: POOL_SIZE }, () => driver.session());
    let waitingRequest: Promise<GraphQLResponse<{ measures: { totalCount: number } }>> | undefined;
    let duringHold: Exposition;
    try {
      for (const session of sessions) {
        const tx = session.beginTransaction();
        await tx.run('RETURN 1');
        held.push(tx);
      }
      waitingRequest = api.query<{ measures: { totalCount: number } }>(
        'query Waiting { measures(first: 2) { totalCount } }',
      );
      const until = Date.now() + 20_000;
      do {
        duringHold = (await scrape()).exposition;
      } while ((sampleValue(duringHold, 'honjo_neo4j_pool_acquisitions_waiting') ?? 0) < 1 && Date.now() < until);
    } finally {
      for (const tx of held) await tx.rollback();
      for (const session of sessions) await session.close();
    }
    expect(sampleValue(duringHold, 'honjo_neo4j_pool_acquisitions_waiting')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(duringHold, 'honjo_neo4j_pool_connections', { state: 'in_use' })).toBe(POOL_SIZE);
    expect(sampleValue(duringHold, 'honjo_neo4j_statements_in_flight')).toBeGreaterThanOrEqual(1);
    const waited = await waitingRequest;
    expect(waited?.status).toBe(200);
    expect(waited?.errors).toBeUndefined();
    expect(waited?.data?.measures.totalCount).toBeGreaterThan(0);

    const { text, exposition: after } = await scrape();
    const scrapedAt = Date.now();

    // Request duration by operation name and outcome; the statements each ran.
    const duration = 'honjo_graphql_request_duration_seconds_count';
    expect(delta(after, duration, { operation: 'IndicatorResults', outcome: 'ok' })).toBe(2);
    expect(delta(after, duration, { operation: OPERATION_LABEL.anonymous, outcome: 'ok' })).toBe(1);
    expect(delta(after, duration, { operation: OPERATION_LABEL.unresolved, outcome: 'error' })).toBe(3);
    expect(delta(after, duration, { operation: 'RecordResult', outcome: 'error' })).toBe(1);
    expect(delta(after, duration, { operation: 'RecordResult', outcome: 'ok' })).toBe(1);
    expect(delta(after, duration, { operation: 'Waiting', outcome: 'ok' })).toBe(1);
    expect(delta(after, 'honjo_graphql_request_duration_seconds_sum')).toBeGreaterThan(0);
    expect(delta(after, 'honjo_graphql_statements_per_request_count')).toBe(9);
    // Statement-free: the cache hit, the three refused before running and the write refused for want of a token.
    expect(delta(after, 'honjo_graphql_statements_per_request_bucket', { le: '0' })).toBe(5);
    expect(delta(after, 'honjo_graphql_statements_per_request_sum')).toBeGreaterThan(5);

    // Errors by code, refusals by limit.
    expect(delta(after, 'honjo_graphql_errors_total', { code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    expect(delta(after, 'honjo_graphql_errors_total', { code: 'QUERY_TOO_COMPLEX' })).toBe(
      aliased.errors!.length + deep.errors!.length,
    );
    expect(delta(after, 'honjo_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta(after, 'honjo_graphql_limit_refusals_total', { limit: 'QUERY_MAX_ALIASES' })).toBe(1);
    expect(delta(after, 'honjo_graphql_limit_refusals_total', { limit: 'QUERY_MAX_DEPTH' })).toBe(1);

    // The response cache, the write and the data version it moved.
    expect(delta(after, 'honjo_response_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(delta(after, 'honjo_response_cache_lookups_total', { result: 'miss' })).toBe(3);
    expect(delta(after, 'honjo_records_written_total', { mutation: 'recordIndicatorResult' })).toBe(1);
    expect(delta(after, 'honjo_data_version_changes')).toBe(1);
    expect(sampleValue(after, 'honjo_data_version_age_seconds')).toBeGreaterThanOrEqual(0);
    // The write read the version again after it was sent (a poll may have since): no older than that, however
    // long this test took on a loaded machine (a millisecond for rounding).
    expect(sampleValue(after, 'honjo_data_version_age_seconds')).toBeLessThanOrEqual(
      (scrapedAt - writeSentAt + 1) / 1000,
    );

    // Statements by name, mode and outcome; the pool back at rest.
    const statements = 'honjo_neo4j_statement_duration_seconds_count';
    expect(delta(after, statements, { statement: 'records/create-record', mode: 'WRITE', outcome: 'ok' })).toBe(1);
    expect(delta(after, statements, { statement: 'load/read-seed-info', mode: 'READ' })).toBeGreaterThanOrEqual(1);
    expect(delta(after, 'honjo_neo4j_statement_duration_seconds_sum')).toBeGreaterThan(0);
    expect(sampleValue(after, 'honjo_neo4j_statements_in_flight')).toBe(0);
    expect(sampleValue(after, 'honjo_neo4j_pool_acquisitions_waiting')).toBe(0);
    expect(sampleValue(after, 'honjo_neo4j_pool_connections', { state: 'in_use' })).toBe(0);
    expect(sampleValue(after, 'honjo_neo4j_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);

    // No supervisor here (an external database): the restart family is declared but has no series; the
    // supervision test counts real restarts.
    expect(after.types.get('honjo_embedded_neo4j_restarts_total')).toBe('counter');
    expect(sampleValue(after, 'honjo_embedded_neo4j_restarts_total')).toBeUndefined();
    // The database answered; the lost write outcomes' series is there at 0 before any (its alert needs it).
    expect(sampleValue(after, 'honjo_database_up')).toBe(1);
    expect(sampleValue(before, 'honjo_graphql_errors_total', { code: 'WRITE_OUTCOME_UNKNOWN' })).toBe(0);

    // Executions by engine: every operation that ran was compiled (the cache hit, the unparsable document and the
    // two refused by the limits never ran); the compiles counted once per document.
    const executions = 'honjo_graphql_executions_total';
    expect(delta(after, executions, { engine: 'compiled' })).toBe(EXECUTED_HERE);
    expect(delta(after, executions, { engine: 'graphql_js' })).toBe(0);
    expect(delta(after, 'honjo_graphql_compiles_total')).toBeGreaterThanOrEqual(1);
    expect(delta(after, 'honjo_graphql_compiles_total')).toBeLessThanOrEqual(EXECUTED_HERE);
    // A variable of MeasureFilter, which contains itself (and, or, not): graphql-js runs that operation.
    const filtered = await api.query('query Filtered($f: MeasureFilter) { measures(filter: $f) { totalCount } }', {
      f: { sdg: 17 },
    });
    expect(filtered.errors).toBeUndefined();
    const last = (await scrape()).exposition;
    expect(
      (sampleValue(last, executions, { engine: 'graphql_js' }) ?? 0) -
        (sampleValue(after, executions, { engine: 'graphql_js' }) ?? 0),
    ).toBe(1);
    expect(sampleValue(last, executions, { engine: 'compiled' })).toBe(
      sampleValue(after, executions, { engine: 'compiled' }),
    );

    // prom-client's default process metrics.
    expect(delta(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(after, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    // Where promtool is installed: Prometheus's own parser and lint accept the exposition as it is.
    expect(promtoolFindings(text) ?? '').toBe('');
  });
});
