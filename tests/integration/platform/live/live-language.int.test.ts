import fc from 'fast-check';
import WebSocket from 'ws';
import type { FormattedErrorCode } from '../../../../src/platform/graphql/format-error';
import { JAPANESE_MESSAGES } from '../../../../src/platform/graphql/japanese-messages';
import { messageLanguageOf } from '../../../../src/platform/http/message-language';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * Issue 77 over WebSocket: a subscription's errors (a refused operation, a document graphql-js refuses, a bad
 * variable) are in the connection's language. A page picks it with `connection_init`'s `{ language }` (a browser
 * cannot set headers on a WebSocket); without it the upgrade request's Accept-Language decides; either is read
 * as Accept-Language is over HTTP. Drawn over where the language comes from, its value and the kind of error,
 * on real sockets to the stack `npm start` builds.
 */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A subscription the service refuses, and the code it answers with. */
interface Refusal {
  readonly code: FormattedErrorCode;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

const REFUSALS: readonly Refusal[] = [
  { code: 'GRAPHQL_VALIDATION_FAILED', query: 'subscription { dataVersionChanged { nope } }' },
  { code: 'GRAPHQL_PARSE_FAILED', query: 'subscription { dataVersionChanged { version }' },
  { code: 'BAD_REQUEST', query: '{ __typename }' },
  {
    code: 'QUERY_TOO_COMPLEX',
    query: `subscription { dataVersionChanged { ${Array.from({ length: 16 }, (_, i) => `a${i}: version`).join(' ')} } }`,
  },
  {
    // A variable's value graphql-js refuses before the subscription starts (over HTTP, Apollo's BAD_USER_INPUT).
    code: 'BAD_USER_INPUT',
    query: 'subscription ($show: Boolean!) { dataVersionChanged { version @include(if: $show) } }',
    variables: { show: 'yes' },
  },
];

/** Accept-Language values: Japanese preferred, English preferred, neither named. */
const LANGUAGES = fc.constantFrom('ja', 'ja-JP', 'ja,en;q=0.5', 'en', 'en-US,en;q=0.9,ja;q=0.8', 'fr', 'ja;q=0');

/** Where the connection's language comes from: the upgrade's header, connection_init, both, or neither. */
const SETTINGS = fc.record({ header: LANGUAGES, parameter: LANGUAGES }, { requiredKeys: [] }) as fc.Arbitrary<{
  header?: string;
  parameter?: string;
}>;

interface Answer {
  readonly messages: Record<string, unknown>[];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly socket: WebSocket;
}

describe('subscription errors in the connection language', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  function open(header: string | undefined, payload: Record<string, unknown>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const url = `${server.url.replace(/^http/, 'ws')}/graphql`;
      const headers = header === undefined ? {} : { 'accept-language': header };
      const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
      const messages: Record<string, unknown>[] = [];
      const closed = new Promise<{ code: number; reason: string }>((done) =>
        socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
      );
      socket.on('message', (data: Buffer) =>
        messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>),
      );
      socket.once('open', () => {
        socket.send(JSON.stringify({ type: 'connection_init', payload }));
        resolve({ socket, messages, closed });
      });
      socket.once('error', reject);
    });
  }

  async function first(answer: Answer, type: string): Promise<Record<string, unknown>> {
    const started = Date.now();
    for (;;) {
      const found = answer.messages.find((message) => message.type === type);
      if (found !== undefined) return found;
      if (Date.now() - started > 5_000) throw new Error(`no ${type} in ${JSON.stringify(answer.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The errors of a refused subscription: an `error` message, or a `next` whose result has only errors. */
  async function errorsOf(
    answer: Answer,
    refusal: Refusal,
  ): Promise<{ message: string; extensions: Record<string, unknown> }[]> {
    await first(answer, 'connection_ack');
    answer.socket.send(
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: refusal.query, variables: refusal.variables } }),
    );
    const started = Date.now();
    for (;;) {
      const message = answer.messages.find((m) => m.id === '1' && (m.type === 'error' || m.type === 'next'));
      if (message !== undefined) {
        const payload = message.payload as { errors?: unknown } | unknown[];
        return (Array.isArray(payload) ? payload : (payload.errors ?? [])) as {
          message: string;
          extensions: Record<string, unknown>;
        }[];
      }
      if (Date.now() - started > 5_000) throw new Error(`no answer in ${JSON.stringify(answer.messages)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('answers each refusal in the language the connection chose, the code and details as in English', async () => {
    await fc.assert(
      fc.asyncProperty(SETTINGS, fc.constantFrom(...REFUSALS), async ({ header, parameter }, refusal) => {
        // The language expected: connection_init's when sent, else the upgrade's header, read as over HTTP.
        const chosen = parameter ?? header;
        const expected = messageLanguageOf({ headers: chosen === undefined ? {} : { 'accept-language': chosen } });
        const answer = await open(header, parameter === undefined ? {} : { language: parameter });
        const english = await open(undefined, {});
        try {
          const errors = await errorsOf(answer, refusal);
          const baseline = await errorsOf(english, refusal);
          expect(errors.map((error) => error.extensions.code)).toEqual(baseline.map(() => refusal.code));
          errors.forEach((error, at) => {
            const { englishMessage, ...extensions } = error.extensions;
            const inEnglish = baseline[at];
            expect(extensions).toEqual(inEnglish?.extensions);
            expect(inEnglish?.message).not.toMatch(JAPANESE);
            if (expected === 'ja') {
              expect(error.message).toBe(JAPANESE_MESSAGES[refusal.code](extensions, inEnglish?.message));
              expect(error.message).toMatch(JAPANESE);
              expect(englishMessage).toBe(inEnglish?.message);
            } else {
              expect(error).toEqual(inEnglish);
            }
          });
        } finally {
          answer.socket.close();
          english.socket.close();
          await Promise.all([answer.closed, english.closed]);
        }
      }),
      { numRuns: 40, seed: 77 },
    );
  });

  it('closes a connection whose language is not a language tag (4400), naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), fc.string({ minLength: 201, maxLength: 400 })),
        async (language) => {
          const answer = await open(undefined, { language });
          expect(await answer.closed).toEqual({
            code: 4400,
            reason: 'connection_init payload.language must be a language tag such as "ja" or "en"',
          });
        },
      ),
      { numRuns: 10, seed: 77 },
    );
  });
});
