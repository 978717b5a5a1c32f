import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { graphSchema } from '../../../../src/schema';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { deepVariablesBody, garbageBody, operationChoiceBody, schemaOperation } from '../../../helpers/fuzz-operations';
import { graphFingerprint, type GraphFingerprint } from '../../../helpers/graph-fingerprint';

/**
 * Schema-driven fuzzing through the real HTTP server on the real database, with a fixed seed so every CI run
 * sends the same few hundred requests: random valid and invalid operations, garbage, and deeply nested
 * variables, and mistakes in choosing the operation (several operations and no operationName, a name none has,
 * a subscription whose root field depends on a variable). The response cache is on, as `npm start` has it (its key walks the variables). Whatever arrives,
 * the answer is never a 5xx, never INTERNAL_SERVER_ERROR, never shows a stack, a file path or Cypher, and
 * the graph is unchanged afterwards.
 */
const SEED = 20261122;
const OPERATIONS = 200;
const GARBAGE = 100;
const DEEP = 60;
const CHOICES = 80;

/** What must never reach a client. */
const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\n\s+at |\.(?:ts|js):\d+:\d+/],
  ['a file path', /(?:\/(?:work|home|tmp|srv|usr|opt|var)\/|node_modules|[A-Z]:\\)/],
  [
    'Cypher',
    /\b(?:MATCH|MERGE|UNWIND|OPTIONAL MATCH) *\(|\bRETURN [\w.]+ AS\b|Neo\.(?:Client|Transient|Database)Error|Neo4jError/,
  ],
];

describe('fuzzing the API with random operations built from the schema', () => {
  let api: ApiFixture;
  let schema: GraphQLSchema;
  let before: GraphFingerprint;
  const answered = { requests: 0, data: 0, refused: new Map<string, number>() };

  beforeAll(async () => {
    api = await openApi({ env: { RESPONSE_CACHE_MAX_MB: '8' } });
    schema = await graphSchema();
    before = await graphFingerprint(api.db.gateway);
  }, 60_000);
  afterAll(() => api.close());

  /** A body as it is sent: text as text/plain (garbage), anything else as JSON. */
  function send(body: unknown): Promise<void> {
    return typeof body === 'string' ? sendText(body, 'text/plain') : sendText(JSON.stringify(body), 'application/json');
  }

  async function sendText(body: string, contentType: string): Promise<void> {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const text = await response.text();
    const sent = body.slice(0, 400);
    expect({ status: response.status < 500, sent }).toEqual({ status: true, sent });
    for (const [what, pattern] of LEAKS) {
      // An error may quote a prefix of what the client sent (the corpus sends `'; MATCH (n) DETACH DELETE n //`
      // as an argument, and a length refusal quotes it): words the request itself holds are not a leak.
      const match = pattern.exec(text);
      const leaked = match !== null && !body.includes(match[0]);
      expect({ leaks: leaked ? `${what}: ${match[0]}` : null, sent }).toEqual({ leaks: null, sent });
    }
    const parsed = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'none');
    expect({ codes: codes.filter((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'none'), sent }).toEqual({
      codes: [],
      sent,
    });
    answered.requests += 1;
    if (parsed.data) answered.data += 1;
    for (const code of codes) answered.refused.set(code, (answered.refused.get(code) ?? 0) + 1);
  }

  it(`answers ${OPERATIONS} random operations without a 5xx, an internal error or a leak`, async () => {
    await fc.assert(fc.asyncProperty(schemaOperation(schema), send), { seed: SEED, numRuns: OPERATIONS });
    // The mix reached real data and the refusals it is meant to reach, or the fuzzing proves little.
    expect(answered.data).toBeGreaterThan(OPERATIONS / 10);
    expect([...answered.refused.keys()]).toEqual(
      expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_USER_INPUT']),
    );
  }, 120_000);

  it(`answers ${GARBAGE} garbage requests with client errors only`, async () => {
    await fc.assert(fc.asyncProperty(garbageBody(schema), send), { seed: SEED, numRuns: GARBAGE });
    expect(answered.refused.get('GRAPHQL_PARSE_FAILED')).toBeGreaterThan(0);
  }, 60_000);

  it(`answers ${DEEP} requests with deeply nested variables or extensions with client errors only`, async () => {
    const before = answered.refused.get('BAD_REQUEST') ?? 0;
    await fc.assert(
      fc.asyncProperty(deepVariablesBody(), (body) => sendText(body, 'application/json')),
      { seed: SEED, numRuns: DEEP },
    );
    // Deep ones were refused at the front (BAD_REQUEST naming QUERY_MAX_NESTING), shallow ones by GraphQL.
    expect((answered.refused.get('BAD_REQUEST') ?? 0) - before).toBeGreaterThan(DEEP / 4);
  }, 60_000);

  it(`answers ${CHOICES} requests that choose their operation wrongly with 400 and a code`, async () => {
    const before = new Map(answered.refused);
    const grown = (code: string): number => (answered.refused.get(code) ?? 0) - (before.get(code) ?? 0);
    await fc.assert(fc.asyncProperty(operationChoiceBody(schema), send), { seed: SEED, numRuns: CHOICES });
    // Both kinds of mistake were reached, not only refusals of the random operations themselves.
    expect(grown('OPERATION_RESOLUTION_FAILURE')).toBeGreaterThan(CHOICES / 10);
    expect(grown('GRAPHQL_VALIDATION_FAILED')).toBeGreaterThan(CHOICES / 10);
  }, 60_000);

  it('leaves the graph exactly as it was: node and relationship counts and checksum', async () => {
    const after = await graphFingerprint(api.db.gateway);
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(300);
  });
});
