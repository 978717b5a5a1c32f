import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { captureLogs, type LogLine } from '../../../helpers/log-capture';
import { openSocket } from '../../../helpers/raw-http';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * What the service's log says about real requests: the access line of each (every field, read back from the
 * logger's output), a write, an export, and that no token or cookie ever reaches it. The server is the real
 * one over the test database, with the response cache on.
 */
const SECRET = 'logs-test-secret-0123456789abcdef0123';
const INDICATOR = 'indicator:5-1-1';
const MEASURE_COUNT = 'query MeasureCount { measures(first: 2) { totalCount nodes { id } } }';
const RECORD_RESULT = `mutation RecordResult($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;

describe('the log', () => {
  const logs = captureLogs('debug');
  let db: TestDatabase;
  let api: TestServer;
  let token: string;

  /** The access line of the request with this id (waits briefly: it is written when the answer is finished). */
  const accessLine = async (requestId: string): Promise<LogLine> => {
    const until = Date.now() + 2_000;
    for (;;) {
      const found = logs.events('http.request').filter((line) => line.requestId === requestId);
      if (found.length > 0 || Date.now() > until) {
        expect(found).toHaveLength(1);
        return found[0] as LogLine;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** A POST to /graphql over a plain socket, returning every byte the server wrote on it. */
  const rawGraphQL = async (body: string, headers: Record<string, string>): Promise<Buffer> => {
    const socket = await openSocket(api.url);
    const lines = [
      'POST /graphql HTTP/1.1',
      'Host: localhost',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    await ended;
    return Buffer.concat(chunks);
  };

  const removeRecordsOf = async (requestIds: readonly string[]): Promise<void> => {
    const session = db.driver.session();
    try {
      await session.run(
        `MATCH (c:Change) WHERE c.requestId IN $requestIds
         OPTIONAL MATCH (r:Record {id: c.targetId})-[:IN_SERIES]->(s:RecordSeries)
         DETACH DELETE c, r
         WITH DISTINCT s WHERE s IS NOT NULL AND NOT (s)<-[:IN_SERIES]-()
         DETACH DELETE s`,
        { requestIds },
      );
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      logger: logs.logger,
      env: { RESPONSE_CACHE_MAX_MB: '8' },
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    token = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  });
  afterAll(async () => {
    await removeRecordsOf(['log-write-1']);
    await api.stop();
    await db.close();
  });

  it('writes one access line per GraphQL request with every field, and never its token or cookie', async () => {
    const body = JSON.stringify({ query: MEASURE_COUNT, operationName: 'MeasureCount' });
    const headers = { Authorization: `Bearer ${token}`, Cookie: 'session=cookie-secret-value' };
    const first = await rawGraphQL(body, { ...headers, 'X-Request-Id': 'log-read-1' });
    const answer = JSON.parse(first.toString('utf8').split('\r\n\r\n')[1] ?? '') as {
      extensions: { cypher: { queries: number } };
    };
    const line = await accessLine('log-read-1');
    expect(line).toEqual({
      level: 'info',
      time: expect.any(String) as string,
      pid: process.pid,
      event: 'http.request',
      requestId: 'log-read-1',
      client: '127.0.0.1',
      scheme: 'http',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: expect.any(Number) as number,
      // Everything the server wrote on the connection: status line, headers and body.
      bytes: first.length,
      operationName: 'MeasureCount',
      operationType: 'query',
      errorCodes: [],
      statements: answer.extensions.cypher.queries,
      dbMs: expect.any(Number) as number,
      cacheHit: false,
      user: 'sato',
      msg: 'POST /graphql 200 query MeasureCount',
    });
    expect(line.statements).toBeGreaterThan(0);
    expect(line.durationMs as number).toBeGreaterThanOrEqual(line.dbMs as number);

    // The same question again is answered whole from the response cache, without a statement.
    await rawGraphQL(body, { ...headers, 'X-Request-Id': 'log-read-2' });
    expect(await accessLine('log-read-2')).toMatchObject({ cacheHit: true, statements: 0, user: 'sato' });

    const everything = logs.raw.join('');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('cookie-secret-value');
    expect(everything).not.toMatch(/bearer/i);
  });

  it('cuts and escapes what the client chose: a 20 KB operation name, one with a line feed, a long path', async () => {
    const longName = `Q${'x'.repeat(20_479)}`;
    await api.query(`query ${longName} { __typename }`, {}, { 'x-request-id': 'log-long-name' });
    const long = await accessLine('log-long-name');
    expect(long.operationName).toBe(`Q${'x'.repeat(255)}…[cut: 20480 characters]`);
    expect(long.msg.length).toBeLessThan(400);

    const forged = 'Nope\n{"level":"info","msg":"forged"}';
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-forged-name' },
      body: JSON.stringify({ query: '{ __typename }', operationName: forged }),
    });
    const line = await accessLine('log-forged-name');
    expect(line.operationName).toBe('Nope\\u000a{"level":"info","msg":"forged"}');
    expect(line.errorCodes).toEqual(['OPERATION_RESOLUTION_FAILURE']);

    await fetch(`${api.url}/${'p'.repeat(5_000)}`, { headers: { 'x-request-id': 'log-long-path' } });
    expect((await accessLine('log-long-path')).path).toBe(`/${'p'.repeat(255)}…[cut: 5001 characters]`);
    // Every line written is one JSON object on one line, none longer than a few kilobytes.
    for (const raw of logs.raw) expect(raw.indexOf('\n')).toBe(raw.length - 1);
    expect(Math.max(...logs.raw.map((raw) => raw.length))).toBeLessThan(8_000);
  });

  it('names the error codes of a refused request, and anonymous users as null', async () => {
    const refused = await api.query(
      'query Broken { measures(first: 2) { nope } }',
      {},
      { 'x-request-id': 'log-bad-1' },
    );
    expect(refused.status).toBe(400);
    expect(await accessLine('log-bad-1')).toMatchObject({
      level: 'info',
      status: 400,
      operationName: 'Broken',
      operationType: 'query',
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      statements: 0,
      cacheHit: false,
      user: null,
    });
  });

  it('logs a write with its record, actor and request id, once committed', async () => {
    const written = await api.query<{ recordIndicatorResult: { id: string } }>(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value: 42, note: 'log test' } },
      { authorization: `Bearer ${token}`, 'x-request-id': 'log-write-1' },
    );
    expect(written.errors).toBeUndefined();
    const recordId = written.data?.recordIndicatorResult.id;
    expect(recordId).toMatch(/^indicator-result:5-1-1:2024:r\d+$/);
    expect(logs.events('record.write').filter((line) => line.requestId === 'log-write-1')).toEqual([
      expect.objectContaining({
        level: 'info',
        action: 'RECORD_INDICATOR_RESULT',
        recordId,
        subjectId: INDICATOR,
        actor: 'sato',
        actorRole: 'editor',
      }),
    ]);
    expect(await accessLine('log-write-1')).toMatchObject({
      operationName: 'RecordResult',
      operationType: 'mutation',
      errorCodes: [],
      cacheHit: false,
      user: 'sato',
    });
  });

  it('writes a line for other routes too: an export with its summary, health probes at debug level', async () => {
    const exported = await fetch(`${api.url}/export/measures.csv?sdg=4`, {
      headers: { 'x-request-id': 'log-export-1' },
    });
    const csv = await exported.arrayBuffer();
    expect(exported.status).toBe(200);
    const line = await accessLine('log-export-1');
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/export/measures.csv', status: 200 });
    expect(line).not.toHaveProperty('operationName');
    expect(line.bytes as number).toBeGreaterThan(csv.byteLength / 10); // compressed, with headers
    const [summary] = logs.events('export').filter((entry) => entry.requestId === 'log-export-1');
    expect(summary).toMatchObject({ kind: 'measures', format: 'csv', pages: expect.any(Number) as number });
    // The file has a header line and one line per row.
    const rows = Buffer.from(csv).toString('utf8').trimEnd().split('\r\n').length - 1;
    expect(summary?.rows).toBe(rows);

    await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'log-health-1' } });
    expect(await accessLine('log-health-1')).toMatchObject({ level: 'debug', path: '/health/live', status: 200 });
  });
});
