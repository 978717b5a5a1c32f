import { Neo4jError } from 'neo4j-driver';
import type { StatementObserver } from '../../../../src/db/statement-observer';
import { captureLogs, type CapturedLogs } from '../../../helpers/log-capture';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * Masking and request ids through the service `npm start` builds: what the client sees of an error and what
 * the log keeps. A fault of the service is provoked where one would arise, in the request's statement (a
 * statement observer that throws, as a bug in the service's code would; the driver's own error for a locked
 * login); the caller's mistakes are ordinary requests.
 */
describe('errors the client sees and the log keeps', () => {
  let db: TestDatabase;
  let server: TestServer;
  let logs: CapturedLogs;
  /** What the next statement the request path runs throws, once. */
  let nextStatementThrows: Error | undefined;

  const throwing: StatementObserver = {
    started: () => {
      const error = nextStatementThrows;
      nextStatementThrows = undefined;
      if (error) throw error;
      return () => undefined;
    },
  };

  beforeAll(async () => {
    logs = captureLogs('warn');
    db = openTestDatabase();
    server = await startTestServer(db.gateway.observing(throwing), { logger: logs.logger });
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await db.close();
  });
  beforeEach(() => {
    logs.lines.length = 0;
    nextStatementThrows = undefined;
  });

  interface Answer {
    readonly status: number;
    readonly id: string | null;
    readonly body: {
      data?: unknown;
      errors?: { message: string; locations?: unknown; path?: unknown; extensions?: Record<string, unknown> }[];
    };
  }

  async function ask(body: Record<string, unknown>, requestId?: string): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(requestId ? { 'x-request-id': requestId } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      id: response.headers.get('x-request-id'),
      body: (await response.json()) as Answer['body'],
    };
  }

  it('masks an internal error, gives the client its request id, and logs it once with the stack', async () => {
    nextStatementThrows = new Error(
      'cannot read property of undefined at /srv/app/dist/src/x.js:10 MATCH (n) RETURN n',
    );
    const { status, id, body } = await ask({ query: '{ measures(first: 1) { totalCount } }' }, 'support-ticket-7');
    expect(status).toBe(200);
    expect(id).toBe('support-ticket-7');
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['measures'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-ticket-7' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/srv|MATCH|undefined/);
    const errors = logs.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      event: 'error.masked',
      requestId: 'support-ticket-7',
      err: { type: 'Error' },
    });
    expect(errors[0]?.msg).toMatch(/^internal error: cannot read property/);
    expect((errors[0]?.err as { stack: string }).stack).toMatch(/\n\s+at /); // the stack, in the log only
  });

  it('answers a locked database login SERVICE_UNAVAILABLE naming it, and logs one line without a stack', async () => {
    // What the driver throws when Neo4j has locked the service's user after failed logins.
    nextStatementThrows = new Neo4jError(
      'The client has provided incorrect authentication details too many times in a row.',
      'Neo.ClientError.Security.AuthenticationRateLimit',
      '42NFF',
      'error: permission/access denied',
    );
    const { body } = await ask({ query: '{ measures(first: 1) { totalCount } }' }, 'locked-out-1');
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(body.errors?.[0]?.message).toMatch(/refused the service's credentials: its user is locked/);
    const errors = logs.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ event: 'database.unavailable', requestId: 'locked-out-1' });
    expect(errors[0]?.msg).toBe(body.errors?.[0]?.message);
    expect(errors[0]).not.toHaveProperty('err'); // no stack
  });

  it("passes the service's refusal of a caller's value with its code and logs nothing", async () => {
    const { status, body } = await ask({ query: '{ measures(first: 0) { totalCount } }' });
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(body.errors?.[0]?.message).toMatch(/\bfirst\b/);
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('keeps Apollo codes for parse and validation failures and logs nothing', async () => {
    expect((await ask({ query: '{ measures' })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await ask({ query: '{ nope }' })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('gives a variable null for a non-null argument with a default what graphql-js gives it, logging nothing', async () => {
    // Valid by the rules (the argument has a default), refused only while the field executes: at the root and
    // in a connection below it. graphql-js answers this message, located at the variable, with the field's path.
    const rootQuery = 'query ($n: Int) { measures(first: $n) { totalCount } }';
    const root = await ask({ query: rootQuery, variables: { n: null } });
    expect(root.body.errors).toEqual([
      {
        message: 'Argument "first" of non-null type "Int!" must not be null.',
        locations: [{ line: 1, column: rootQuery.indexOf('$n)') + 1 }],
        path: ['measures'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    const nestedQuery = 'query ($n: Int) { departments { measuresConnection(first: $n) { totalCount } } }';
    const nested = await ask({ query: nestedQuery, variables: { n: null } });
    expect(nested.body.errors?.[0]).toMatchObject({
      message: 'Argument "first" of non-null type "Int!" must not be null.',
      locations: [{ line: 1, column: nestedQuery.indexOf('$n)') + 1 }],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('gives an HTTP 4xx refusal without a code the code BAD_REQUEST', async () => {
    // Apollo refuses a persisted query whose hash does not match its text with a 400 and no code.
    const { status, body } = await ask({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
    ]);
    expect(logs.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it("cuts a long value quoted in graphql-js's refusal of a variable to a short prefix", async () => {
    const long = '7'.repeat(40_000);
    const { status, body } = await ask({
      query: 'query ($n: Int!) { sdg(number: $n) { number } }',
      variables: { n: long },
    });
    expect({ status, error: body.errors?.[0] }).toMatchObject({
      status: 400,
      error: {
        message: expect.stringContaining(`"${'7'.repeat(40)}…"`) as unknown,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    });
    expect(JSON.stringify(body).length).toBeLessThan(400);
  });
});
