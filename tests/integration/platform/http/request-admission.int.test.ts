import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { halfSentRequest } from '../../../helpers/raw-http';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * REQUEST_MAX_CONCURRENT and REQUEST_QUEUE_MS through the stack `npm start` builds: a request holds its slot
 * from admission (before its body is read) until its answer is sent, so a request whose body is still on its
 * way holds the only slot for as long as the test likes.
 */
const BODY = JSON.stringify({ query: '{ __typename }' });

function post(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: BODY,
  });
}

interface ErrorBody {
  readonly errors: readonly { readonly message: string; readonly extensions: Record<string, unknown> }[];
}

describe('requests worked on at once (REQUEST_MAX_CONCURRENT)', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  describe('with one slot and a wait of 300 ms', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(db.gateway, { env: { REQUEST_MAX_CONCURRENT: '1', REQUEST_QUEUE_MS: '300' } });
    });
    afterAll(async () => {
      await server.stop();
    });

    it('turns a request away with SERVICE_BUSY after the wait, in its language, while health still answers', async () => {
      const holder = await halfSentRequest(server.url, BODY);
      const started = Date.now();
      const turnedAway = await post(server.url, { 'accept-language': 'ja' });
      const waitedMs = Date.now() - started;
      expect(turnedAway.status).toBe(503);
      expect(turnedAway.headers.get('retry-after')).toBe('1');
      const body = (await turnedAway.json()) as ErrorBody;
      expect(body.errors[0]?.extensions).toMatchObject({ code: 'SERVICE_BUSY', retryable: true, retryAfterSeconds: 1 });
      expect(body.errors[0]?.message).toMatch(/混み合って/);
      expect(body.errors[0]?.extensions.englishMessage).toMatch(
        /REQUEST_MAX_CONCURRENT|as many requests as it can \(1\)/,
      );
      expect(waitedMs).toBeGreaterThanOrEqual(290);

      const health = await fetch(`${server.url}/health/live`);
      expect(health.status).toBe(200);

      const answer = await holder.finish();
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer).toContain('"__typename":"Query"');
      // The slot is free again once the holder's answer went out.
      const after = await post(server.url);
      expect(after.status).toBe(200);
    });

    it('frees the slot of a client that left before its answer', async () => {
      const holder = await halfSentRequest(server.url, BODY);
      holder.socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const next = await post(server.url);
      expect(next.status).toBe(200);
    });
  });

  describe('with one slot and a wait of 10 s', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(db.gateway, { requestSlots: { maxConcurrent: 1, maxWaitMs: 10_000 } });
    });
    afterAll(async () => {
      await server.stop();
    });

    it('lets a waiting request on as soon as the slot is free', async () => {
      const holder = await halfSentRequest(server.url, BODY);
      const waiting = post(server.url);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const held = await holder.finish();
      expect(held).toMatch(/^HTTP\/1\.1 200 /);
      const answered = await waiting;
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({ data: { __typename: 'Query' } });
    });
  });
});
