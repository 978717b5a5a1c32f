import WebSocket from 'ws';
import {
  MAX_NEW_NAMES_PER_CLIENT,
  OPERATION_LABEL,
} from '../../../../src/platform/observability/metrics/operation-labels';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { readExposition } from '../../../helpers/prometheus-text';

/**
 * Fair shares (issue 40): one client cannot take every WebSocket slot by changing its loopback address, cannot
 * fill the metrics' operation-name labels with invented names, and cannot send an uncapped list (the export's
 * `status`).
 */
describe('fair shares', () => {
  let api: ApiFixture;
  let metrics: ServiceMetrics;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    metrics = new ServiceMetrics();
    api = await openApi({ metrics, live: { maxConnectionsPerClient: 2 } });
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await api.close();
  });

  /**
   * Opens a WebSocket from `localAddress` and says hello (`connection_init`); resolves with its close code when
   * refused, or 'open' once the service acknowledges it. A refused connection is closed right after it opens
   * and never acknowledged, so the outcome waits for what the service says, not for a timer that a loaded
   * machine could outrun.
   */
  function connectFrom(localAddress: string): Promise<number | 'open'> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${api.server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
        localAddress,
      });
      sockets.push(socket);
      let opened = false;
      socket.once('open', () => {
        opened = true;
        socket.send(JSON.stringify({ type: 'connection_init' }));
      });
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString('utf8')) as { type?: string }).type === 'connection_ack') resolve('open');
      });
      socket.once('close', (code) => (opened ? resolve(code) : reject(new Error(`closed before open: ${code}`))));
      socket.once('error', reject);
    });
  }

  it('caps WebSocket connections per client, whichever loopback address it uses', async () => {
    const outcomes: (number | 'open')[] = [];
    for (const address of ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'])
      outcomes.push(await connectFrom(address));
    expect(outcomes).toEqual(['open', 'open', 1013, 1013]);
  });

  it('lets one client bring only its share of new operation names into the metric labels', async () => {
    const post = (body: unknown) =>
      fetch(`${api.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Invented names on operations that never validate, or that name no operation of the document, name nothing.
    await post({ query: 'query Real { __typename }', operationName: 'Invented' });
    await post({ query: 'query Failing { sdg(number: "x") { number } }' });
    // Thirty valid operations under invented names, from one client.
    for (let i = 0; i < 30; i += 1) await post({ query: `query Junk${i} { __typename }` });
    const operations = readExposition(await metrics.exposition())
      .samples.filter((s) => s.name === 'honjo_graphql_request_duration_seconds_count')
      .map((s) => s.labels.operation ?? '');
    const named = operations.filter((label) => !label.startsWith('('));
    expect(named).toHaveLength(MAX_NEW_NAMES_PER_CLIENT);
    expect(named).not.toContain('Invented');
    expect(named).not.toContain('Failing');
    expect(operations).toContain(OPERATION_LABEL.other);
  });

  it("caps the export's status list like every other list", async () => {
    const many = Array.from({ length: 51 }, () => 'status=NEW').join('&');
    const refused = await fetch(`${api.server.url}/export/measures.csv?${many}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/status/);
    const fifty = Array.from({ length: 50 }, () => 'status=NEW').join('&');
    expect((await fetch(`${api.server.url}/export/measures.csv?${fifty}`)).status).toBe(200);
  });
});
