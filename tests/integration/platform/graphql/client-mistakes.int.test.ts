import type { ApolloServerPlugin } from '@apollo/server';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { createTracing } from '../../../../src/platform/observability/tracing/create-tracing';
import { readExposition } from '../../../helpers/prometheus-text';
import { captureLogs, type CapturedLogs } from '../../../helpers/log-capture';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { startTestServer } from '../../../helpers/test-server';

/**
 * A client's mistakes are answered as such, never 500 (issue 40): a document with several operations and no
 * operationName, an operationName naming none of them, and a subscription whose root field depends on a
 * variable (graphql-js's own rule throws on it). Over HTTP each is a 400 with a code; over WebSocket the
 * subscription gets its error and the connection stays open for the next one. An exception inside a plugin is
 * logged once with the request's id and counted in the metrics under its code.
 */
const TWO_OPERATIONS = 'query First { sdg(number: 17) { number } } query Second { sdg(number: 5) { number } }';
const ROOT_VARIABLE_SUBSCRIPTION =
  'subscription Live($on: Boolean!) { dataVersionChanged @include(if: $on) { version } }';
const SUBSCRIPTION = 'subscription { dataVersionChanged { version initial } }';

interface Answer {
  readonly status: number;
  readonly codes: string[];
  readonly messages: string[];
  readonly requestId: string | null;
}

describe('client mistakes are 4xx, never 500', () => {
  let api: ApiFixture;
  let logs: CapturedLogs;
  let metrics: ServiceMetrics;
  const clients: Client[] = [];

  beforeAll(async () => {
    logs = captureLogs('info');
    metrics = new ServiceMetrics();
    api = await openApi({ logger: logs.logger, metrics });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await api.close();
  });

  async function post(body: Record<string, unknown>): Promise<Answer> {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const parsed = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return {
      status: response.status,
      codes: (parsed.errors ?? []).map((error) => error.extensions?.code ?? 'none'),
      messages: (parsed.errors ?? []).map((error) => error.message),
      requestId: response.headers.get('x-request-id'),
    };
  }

  async function errorCount(code: string): Promise<number> {
    const samples = readExposition(await metrics.exposition()).samples;
    return samples.find((s) => s.name === 'honjo_graphql_errors_total' && s.labels.code === code)?.value ?? 0;
  }

  it.each([
    ['several operations and no operationName', { query: TWO_OPERATIONS }, /Must provide operation name/],
    [
      'an operationName naming none',
      { query: TWO_OPERATIONS, operationName: 'Third' },
      /Unknown operation named "Third"/,
    ],
    ['one operation under another name', { query: '{ sdgs { number } }', operationName: 'Sdgs' }, /Unknown operation/],
  ])('answers %s with 400 OPERATION_RESOLUTION_FAILURE, counted in the metrics', async (_what, body, message) => {
    const before = await errorCount('OPERATION_RESOLUTION_FAILURE');
    const answer = await post(body);
    expect(answer).toMatchObject({ status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] });
    expect(answer.messages[0]).toMatch(message);
    expect(await errorCount('OPERATION_RESOLUTION_FAILURE')).toBe(before + 1);
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('still runs the operation a valid operationName chooses', async () => {
    const answer = await post({ query: TWO_OPERATIONS, operationName: 'Second' });
    expect(answer).toMatchObject({ status: 200, codes: [] });
  });

  it.each([
    ['@include', { on: true }, ROOT_VARIABLE_SUBSCRIPTION],
    [
      '@skip, with a query beside it',
      { on: false },
      `${ROOT_VARIABLE_SUBSCRIPTION.replace('@include', '@skip')} query Q { __typename }`,
    ],
    ['no variables sent', undefined, ROOT_VARIABLE_SUBSCRIPTION],
  ])(
    'answers a subscription with a variable in a root %s over POST with 400 GRAPHQL_VALIDATION_FAILED',
    async (_what, variables, query) => {
      const answer = await post({ query, variables, operationName: 'Live' });
      expect(answer).toMatchObject({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
      expect(answer.messages[0]).toMatch(/must not choose its root field with a variable.*"\$on"/);
      expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
    },
  );

  it('answers the same subscription over WebSocket with an error for it alone; the connection stays open', async () => {
    const closes: number[] = [];
    const client = createClient({
      url: api.server.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    clients.push(client);
    const refused = await new Promise<unknown[]>((resolve, reject) => {
      client.subscribe(
        { query: ROOT_VARIABLE_SUBSCRIPTION, variables: { on: true } },
        {
          next: () => reject(new Error('the subscription ran')),
          error: (error) => resolve(Array.isArray(error) ? (error as unknown[]) : [error]),
          complete: () => reject(new Error('completed without an error')),
        },
      );
    });
    expect(refused).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/must not choose its root field with a variable/) as unknown,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    // The same connection serves the next subscription: its first event arrives.
    const first = await new Promise<unknown>((resolve, reject) => {
      const stop = client.subscribe(
        { query: SUBSCRIPTION },
        { next: (result) => (stop(), resolve(result.data)), error: reject, complete: () => undefined },
      );
    });
    expect(first).toMatchObject({ dataVersionChanged: { initial: true } });
    expect(closes).toEqual([]);
    expect(api.server.live.connectionCount()).toBe(1);
  });

  it('logs an exception inside a plugin once, with the request id, answers 500 and counts it under its code', async () => {
    // The service as `npm start` builds it, with tracing on and its GraphQL plugin failing in a hook Apollo has
    // no answer for (willSendResponse): the failure must not go unseen.
    const own = captureLogs('info');
    const ownMetrics = new ServiceMetrics();
    const failing: ApolloServerPlugin = {
      requestDidStart: () => Promise.resolve({ willSendResponse: () => Promise.reject(new Error('the plugin broke')) }),
    };
    const tracing = createTracing(new SimpleSpanProcessor(new InMemorySpanExporter()));
    const server = await startTestServer(api.db.gateway, {
      logger: own.logger,
      metrics: ownMetrics,
      tracing: { ...tracing, graphqlPlugin: failing },
    });
    let status: number;
    try {
      status = (await server.query('{ __typename }', {}, { 'x-request-id': 'req-plugin-1' })).status;
    } finally {
      await server.stop();
      await tracing.shutdown();
    }
    expect(status).toBe(500);
    const errors = own.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      event: 'error.unexpected',
      requestId: 'req-plugin-1',
      msg: 'internal error: the plugin broke',
    });
    expect(String((errors[0]?.err as { stack?: string }).stack)).toContain('the plugin broke');
    const samples = readExposition(await ownMetrics.exposition()).samples;
    expect(
      samples.find((s) => s.name === 'honjo_graphql_errors_total' && s.labels.code === 'INTERNAL_SERVER_ERROR')?.value,
    ).toBe(1);
  });
});
