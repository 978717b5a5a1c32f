import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * REQUEST_MAX_COST_IN_FLIGHT through the stack `npm start` builds: with room for one operation at a time and
 * no wait, of many sent at once the first runs (its statements wait on the database, which is another process)
 * and those whose turn comes meanwhile are turned away with SERVICE_BUSY before anything of theirs ran.
 */
const QUERY = '{ measures(first: 20) { nodes { code name departments { name } sdgs { number } } } }';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: {
    readonly data?: unknown;
    readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
  };
}

async function post(url: string, language = 'en'): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({ query: QUERY }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

describe('operations admitted by their cost (REQUEST_MAX_COST_IN_FLIGHT)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway, {
      env: { REQUEST_MAX_COST_IN_FLIGHT: '1', REQUEST_QUEUE_MS: '0' },
    });
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  it('runs one at a time and turns the others away with SERVICE_BUSY (503, Retry-After), never a timeout', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(server.url)));
    const ok = answers.filter((a) => a.status === 200 && a.body.errors === undefined);
    const busy = answers.filter((a) => a.status === 503);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(ok.length + busy.length).toBe(answers.length);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe('1');
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_BUSY', retryable: true });
      expect(answer.body.errors?.[0]?.message).toMatch(/estimated cost \d+/);
    }
    // Room again once they ended: a request alone is answered.
    const alone = await post(server.url);
    expect(alone.status).toBe(200);
    expect(alone.body.errors).toBeUndefined();
  });

  it('says so in Japanese to a Japanese client', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(server.url, 'ja')));
    const busy = answers.find((a) => a.status === 503);
    expect(busy?.body.errors?.[0]?.message).toMatch(/混み合って/);
  });
});
