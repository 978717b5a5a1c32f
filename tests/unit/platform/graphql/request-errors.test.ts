import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { BadUserInputError } from '../../../../src/core/errors';
import { formatError } from '../../../../src/platform/graphql/format-error';
import { requestIdPlugin } from '../../../../src/platform/plugins/request-id.plugin';
import { captureLogs } from '../../../helpers/log-capture';

/**
 * Masking and request ids on a real Apollo server with a two-field schema (no database): one resolver
 * fails the way a bug does, one the way a caller's mistake does.
 */
describe('errors the client sees and the log keeps', () => {
  const logs = captureLogs();
  const logged = logs.lines;
  const server = new ApolloServer({
    typeDefs: 'type Query { broken: Int, refused: Int, fine: Int, locked: Int, page(first: Int! = 50): Int }',
    resolvers: {
      Query: {
        broken: () => {
          throw new Error('cannot read property of undefined at /srv/app/dist/src/x.js:10 MATCH (n) RETURN n');
        },
        refused: () => {
          throw new BadUserInputError('first must be 1 to 100, got 0');
        },
        fine: () => 1,
        // What the driver throws when Neo4j has locked the service's user after failed logins.
        locked: () => {
          throw new Neo4jError(
            'The client has provided incorrect authentication details too many times in a row.',
            'Neo.ClientError.Security.AuthenticationRateLimit',
            '42NFF',
            'error: permission/access denied',
          );
        },
        page: (_: unknown, { first }: { first: number }) => first,
      },
    },
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [requestIdPlugin(logs.logger)],
  });

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    logged.length = 0;
  });

  async function ask(query: string, requestId?: string, variables?: Record<string, unknown>) {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    if (requestId) headers.set('x-request-id', requestId);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body: variables ? { query, variables } : { query } },
      context: () => Promise.resolve({}),
    });
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    const body = JSON.parse(response.body.string) as {
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
    return { status: response.status ?? 200, id: response.headers.get('x-request-id'), body };
  }

  it('masks an internal error, gives the client its request id, and logs it once with the stack', async () => {
    const { id, body } = await ask('{ broken fine }', 'support-ticket-7');
    expect(id).toBe('support-ticket-7');
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-ticket-7' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/srv|MATCH|undefined/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 'error',
      event: 'error.masked',
      requestId: 'support-ticket-7',
      err: { type: 'Error' },
    });
    expect(logged[0]?.msg).toMatch(/^internal error: cannot read property/);
    expect((logged[0]?.err as { stack: string }).stack).toMatch(/\n\s+at /); // the stack, in the log only
  });

  it('answers a refused database login SERVICE_UNAVAILABLE naming it, and logs one line without a stack', async () => {
    const { body } = await ask('{ locked fine }', 'locked-out-1');
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(body.errors?.[0]?.message).toMatch(/refused the service's credentials: its user is locked/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', requestId: 'locked-out-1' });
    expect(logged[0]?.msg).toBe(body.errors?.[0]?.message);
    expect(logged[0]).not.toHaveProperty('err'); // no stack
  });

  it('passes a caller mistake with its code and logs nothing', async () => {
    const { body } = await ask('{ refused }');
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(body.errors?.[0]?.message).toBe('first must be 1 to 100, got 0');
    expect(logged).toEqual([]);
  });

  it('keeps Apollo codes for parse and validation failures and logs nothing', async () => {
    expect((await ask('{ fine')).body.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await ask('{ nope }')).body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(logged).toEqual([]);
  });

  it('gives a variable null for a non-null argument with a default BAD_USER_INPUT, not an internal error', async () => {
    // Valid by the rules (the argument has a default), refused by graphql-js only while executing the field.
    const { body } = await ask('query ($n: Int) { page(first: $n) }', undefined, { n: null });
    expect(body.errors).toEqual([
      {
        message: 'Argument "first" of non-null type "Int!" must not be null.',
        locations: [{ line: 1, column: 31 }],
        path: ['page'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('gives an HTTP 4xx refusal without a code the code BAD_REQUEST', () => {
    const refused = new GraphQLError('provided sha does not match query', {
      extensions: { http: { status: 400, headers: new HeaderMap() } },
    });
    expect(formatError(refused.toJSON(), refused)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
