import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { EXAMPLES_DIRECTORY } from '../../../../src/web/ide/example-operations';
import { readSeedFile } from '../../../../src/ingest/load/seed-file';
import { CONNECTIONS_CHECKING_INTERVAL_MS } from '../../../../src/platform/http/http-timeouts';
import { REFUSED_BODY_DRAIN } from '../../../../src/platform/http/request-body';
import { MAX_BODY_BYTES } from '../../../../src/server';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { openSocket, portOf, rawRequest } from '../../../helpers/raw-http';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { timerLateness } from '../../../helpers/timer-lateness';

const execFileAsync = promisify(execFile);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds, checking every 50 ms; fails after `ms`. */
async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`${what} did not happen within ${ms} ms`);
    await sleep(50);
  }
}

/** Collects what a raw socket receives and when it closes. */
function watch(socket: Socket): { text(): string; closedAt(): number | undefined; errors: Error[] } {
  const chunks: Buffer[] = [];
  const errors: Error[] = [];
  let closedAt: number | undefined;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', (error) => errors.push(error));
  socket.on('close', () => (closedAt = Date.now()));
  return { text: () => Buffer.concat(chunks).toString('utf8'), closedAt: () => closedAt, errors };
}

const example05 = readFileSync(
  join(EXAMPLES_DIRECTORY, readdirSync(EXAMPLES_DIRECTORY).find((name) => name.startsWith('05-')) ?? ''),
  'utf8',
);
const graphqlPost = (query: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query }),
});

describe('the HTTP front', () => {
  jest.setTimeout(60_000);

  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('listens on loopback only when HOST is not set', () => {
    const address = server.httpServer.address();
    expect(typeof address === 'object' && address !== null ? address.address : address).toBe('127.0.0.1');
  });

  describe('compression', () => {
    it.each([
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ])('sends example 05 %s-encoded, several times smaller, with the same answer', async (encoding, decode) => {
      const plain = await rawRequest(`${server.url}/graphql`, graphqlPost(example05));
      const packed = await rawRequest(`${server.url}/graphql`, graphqlPost(example05, { 'accept-encoding': encoding }));
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers.vary).toMatch(/accept-encoding/i);
      expect(packed.body.length * 4).toBeLessThan(plain.body.length);
      // The cost report (database milliseconds) differs between two runs; the answer itself must not.
      const strip = (text: string): unknown => (JSON.parse(text) as { data: unknown }).data;
      expect(strip(decode(packed.body).toString('utf8'))).toEqual(strip(plain.body.toString('utf8')));
      expect(strip(plain.body.toString('utf8'))).toHaveProperty('fields');
    });

    it('prefers brotli when the client offers both', async () => {
      const answer = await rawRequest(
        `${server.url}/graphql`,
        graphqlPost(example05, { 'accept-encoding': 'gzip, br' }),
      );
      expect(answer.headers['content-encoding']).toBe('br');
    });

    it('leaves answers under 1 KiB uncompressed', async () => {
      const answer = await rawRequest(
        `${server.url}/graphql`,
        graphqlPost('{ sdg(number: 17) { number } }', { 'accept-encoding': 'gzip, br' }),
      );
      expect(answer.body.length).toBeLessThan(1024);
      expect(answer.headers['content-encoding']).toBeUndefined();
    });

    // The stylesheet inlines GraphiQL's and Monaco's fonts as base64, which compresses less than code.
    it.each([
      ['graphiql.js', 2],
      ['graphiql.css', 1.3],
    ])('compresses the IDE file %s at least %p-fold', async (name, ratio) => {
      const plain = await rawRequest(`${server.url}/ide/${name}`);
      const packed = await rawRequest(`${server.url}/ide/${name}`, { headers: { 'accept-encoding': 'br' } });
      expect(packed.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(packed.body).equals(plain.body)).toBe(true);
      expect(packed.body.length * ratio).toBeLessThan(plain.body.length);
    });
  });

  describe('HTTP caching', () => {
    const getUrl = (query: string) => `${server.url}/graphql?query=${encodeURIComponent(query)}`;

    // node:http rather than fetch: fetch adds `Cache-Control: no-cache` to a request with If-None-Match, which
    // rightly makes the server answer in full.
    it('gives a GET query Cache-Control and an ETag from the data version, and answers If-None-Match with 304', async () => {
      // A plain GET, as urql and graphql-request send it: no content-type, no preflight header.
      const first = await rawRequest(getUrl('{ sdg(number: 17) { number nameEn } }'));
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('no-cache, public');
      const etag = String(first.headers.etag);
      const seedHash = readSeedFile()?.hash ?? 'empty';
      expect(etag).toMatch(new RegExp(`^W/"${seedHash.slice(0, 12)}-[\\w-]+"$`));
      expect(server.dataVersion.current()).toBe(seedHash);

      const again = await rawRequest(getUrl('{ sdg(number: 17) { number nameEn } }'), {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers['cache-control']).toBe('no-cache, public');

      const other = await rawRequest(getUrl('{ sdg(number: 16) { number nameEn } }'), {
        headers: { 'if-none-match': etag },
      });
      expect(other.status).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
    });

    it("answers Node's fetch, which adds Cache-Control: no-cache to a conditional GET, 304 as well", async () => {
      const url = getUrl('{ sdg(number: 17) { number nameEn } }');
      const etag = (await fetch(url)).headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\//);
      // `no-cache` speaks to caches on the way; the origin still evaluates the precondition (RFC 9111 5.2.1.4).
      const again = await fetch(url, { headers: { 'if-none-match': etag, 'cache-control': 'no-cache' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      const plainFetch = await fetch(url, { headers: { 'if-none-match': etag } });
      expect(plainFetch.status).toBe(304);
    });

    it('gives an anonymous POST the same Cache-Control and ETag', async () => {
      const response = await fetch(`${server.url}/graphql`, graphqlPost('{ sdg(number: 17) { number nameEn } }'));
      expect(response.headers.get('cache-control')).toBe('no-cache, public');
      expect(response.headers.get('etag')).toMatch(/^W\/"/);
    });

    it('keeps answers to requests with credentials out of shared caches', async () => {
      const response = await fetch(
        `${server.url}/graphql`,
        graphqlPost('{ sdg(number: 17) { number } }', { authorization: 'Bearer someone' }),
      );
      expect(response.headers.get('cache-control')).toBe('no-cache, private');
    });

    it('never caches an answer with errors', async () => {
      const response = await fetch(`${server.url}/graphql`, graphqlPost('{ measures(first: 0) { totalCount } }'));
      expect(((await response.json()) as { errors?: unknown[] }).errors).toBeDefined();
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    });
  });

  describe('request bodies', () => {
    it('answers a declared oversized body 413 while the client is still sending, then ends the connection cleanly', async () => {
      const socket = await openSocket(server.url);
      const seen = watch(socket);
      socket.write(
        'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n' +
          `content-length: ${10 * 1024 * 1024}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20));
      await until(() => seen.text().includes('"BAD_REQUEST"'), 10_000, 'the 413 answer');
      expect(seen.text()).toMatch(/^HTTP\/1\.1 413 /);
      expect(seen.text()).toContain(`larger than ${MAX_BODY_BYTES} bytes`);
      // Half-closed after the answer (FIN, not a reset): the client's side ends too, without an error.
      await until(() => seen.closedAt() !== undefined, 5_000, 'the connection ending');
      expect(seen.errors).toEqual([]);
    });

    it('reads at most REFUSED_BODY_DRAIN of a refused upload, then closes under a client that keeps sending', async () => {
      for (const [what, chunkBytes, pauseMs] of [
        ['bytes', 256 * 1024, 5],
        ['time', 1024, 100],
      ] as const) {
        const socket = connect({ port: portOf(server.url), host: '127.0.0.1', allowHalfOpen: true });
        const seen = watch(socket);
        const started = Date.now();
        let sent = 0;
        socket.write(
          'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n' +
            `content-length: ${100 * 1024 * 1024}\r\n\r\n`,
        );
        while (seen.closedAt() === undefined && !socket.destroyed && Date.now() - started < 10_000) {
          // A writer that heeds TCP's push-back: what the server stops reading stays in the kernel's buffers.
          if (socket.writableLength < chunkBytes) {
            socket.write(Buffer.alloc(chunkBytes, 0x20));
            sent += chunkBytes;
          }
          await sleep(pauseMs);
        }
        expect({ what, status: seen.text().split('\r\n')[0] }).toEqual({
          what,
          status: 'HTTP/1.1 413 Payload Too Large',
        });
        expect({
          what,
          closedWithin: (seen.closedAt() ?? Infinity) - started < REFUSED_BODY_DRAIN.maxMs + 2_000,
        }).toEqual({ what, closedWithin: true });
        if (what === 'bytes') expect(sent).toBeLessThan(REFUSED_BODY_DRAIN.maxBytes + 8 * 1024 * 1024);
        socket.destroy();
      }
    });

    // `Connection: close` is what lost the answer most (Node closed the socket under the upload at once: the
    // 413 was read 1 time in 10). The writer runs in a process of its own, as a real client does.
    it.each(['keep-alive', 'close'] as const)(
      'answers a fast writer in another process 413 every time (15 tries, Connection: %s)',
      async (connection) => {
        const writer = join(__dirname, '..', '..', '..', 'helpers', 'fast-upload.js');
        const { stdout } = await execFileAsync(process.execPath, [
          writer,
          String(portOf(server.url)),
          '15',
          String(10 * 1024 * 1024),
          connection,
        ]);
        const { statusLines } = JSON.parse(stdout) as { statusLines: string[] };
        expect(statusLines).toEqual(Array.from({ length: 15 }, () => 'HTTP/1.1 413 Payload Too Large'));
      },
    );

    it("answers fetch's oversized upload 413", async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.alloc(10 * 1024 * 1024, 0x20),
        });
        statuses.push(response.status);
        expect(await response.text()).toContain(`larger than ${MAX_BODY_BYTES} bytes`);
      }
      expect(statuses).toEqual([413, 413, 413, 413, 413]);
    });

    it('answers a chunked body over the limit 413 with a JSON error', async () => {
      const socket = await openSocket(server.url);
      const seen = watch(socket);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      socket.write(
        'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n',
      );
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
      }
      socket.write('0\r\n\r\n');
      await until(() => seen.text().includes('"BAD_REQUEST"'), 10_000, 'the 413 answer');
      expect(seen.text()).toMatch(/^HTTP\/1\.1 413 /);
      expect(seen.errors).toEqual([]);
      socket.destroy();
    });

    it('answers malformed JSON 400 naming the problem', async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }"',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.message).toMatch(/^request body is not valid JSON: /);
      expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    });

    it('answers a URL with raw Japanese text 400 in JSON, telling to percent-encode it', async () => {
      // As curl sends a link typed with Japanese in it: the bytes of the text, unencoded, in the request line.
      const socket = await openSocket(server.url);
      const seen = watch(socket);
      socket.write(
        Buffer.from('GET /export/measures.csv?department=危機管理課 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'),
      );
      await until(() => seen.closedAt() !== undefined, 5_000, 'the connection closing');
      const [head = '', body = ''] = seen.text().split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toMatch(/\r\ncontent-type: application\/json; charset=utf-8\r\n/);
      expect(head).toMatch(/\r\nx-request-id: [\w-]{36}\r\n/);
      const answer = JSON.parse(body) as { errors: { message: string; extensions: { code: string } }[] };
      expect(answer.errors[0]?.message).toMatch(/percent-encode/);
      expect(answer.errors[0]?.extensions.code).toBe('BAD_REQUEST');
      // The same link, encoded as the message says, is an ordinary request.
      const encoded = await fetch(`${server.url}/export/measures.csv?department=${encodeURIComponent('危機管理課')}`);
      expect(encoded.status).toBe(200);
      await encoded.arrayBuffer();
    });

    it.each([
      ['the IDE page', '/graphql', { headers: { accept: 'text/html' } }, 200],
      [
        'a 406 for a media type the service cannot give',
        '/graphql?query=%7B__typename%7D',
        { headers: { accept: 'image/png' } },
        406,
      ],
      [
        'a 415 for a text/plain POST',
        '/graphql',
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
        415,
      ],
      ['a 404', '/nowhere', {}, 404],
      ['health', '/health/live', {}, 200],
    ] as const)('gives %s an x-request-id, the caller’s when sane', async (_what, path, init, status) => {
      const headers = { ...('headers' in init ? init.headers : {}), 'x-request-id': 'edge-check-1' };
      const response = await fetch(`${server.url}${path}`, { ...init, headers });
      expect(response.status).toBe(status);
      expect(response.headers.get('x-request-id')).toBe('edge-check-1');
      await response.arrayBuffer();
    });

    it.each(['/health/live', '/health/ready'])(
      'answers %s to GET and HEAD only, 405 naming the methods allowed',
      async (path) => {
        expect((await fetch(`${server.url}${path}`, { method: 'HEAD' })).status).toBe(200);
        for (const method of ['POST', 'PUT', 'DELETE']) {
          const response = await fetch(`${server.url}${path}`, { method });
          expect(response.status).toBe(405);
          expect(response.headers.get('allow')).toBe('GET, HEAD');
          expect(await response.json()).toEqual({ error: `${method} is not allowed on ${path}` });
        }
      },
    );

    it('answers unknown routes 404 in JSON', async () => {
      const response = await fetch(`${server.url}/graphql/extra`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'no route /graphql/extra; GraphQL is served at /graphql' });
    });
  });

  describe('CORS', () => {
    const REQUEST_HEADERS = [
      'authorization',
      'content-type',
      'x-request-id',
      'traceparent',
      'tracestate',
      'apollographql-client-name',
      'apollographql-client-version',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'idempotency-key',
    ];

    it.each(['/graphql', '/export/measures.csv'])(
      'answers the preflight on %s for the headers front ends send, without credentials',
      async (path) => {
        const response = await fetch(`${server.url}${path}`, {
          method: 'OPTIONS',
          headers: {
            origin: 'http://dashboard.example',
            'access-control-request-method': path === '/graphql' ? 'POST' : 'GET',
            'access-control-request-headers': REQUEST_HEADERS.join(','),
          },
        });
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        expect((response.headers.get('access-control-allow-headers') ?? '').split(',')).toEqual(
          expect.arrayContaining(REQUEST_HEADERS),
        );
        expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
      },
    );

    it('lets pages read the request id, validators, caching policy, age, file name, retry wait, rate limit and replay of an answer', async () => {
      const response = await fetch(
        `${server.url}/graphql`,
        graphqlPost('{ sdg(number: 17) { number } }', { origin: 'http://dashboard.example' }),
      );
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((response.headers.get('access-control-expose-headers') ?? '').split(',')).toEqual([
        'x-request-id',
        'etag',
        'age',
        'content-disposition',
        'cache-control',
        'retry-after',
        'ratelimit',
        'ratelimit-policy',
        'idempotent-replayed',
      ]);
    });

    it('lets only the configured origins in when CORS_ORIGINS is set', async () => {
      const strict = await startTestServer(db.gateway, { http: { corsOrigins: ['http://dashboard.example'] } });
      try {
        const ask = (origin: string) =>
          fetch(`${strict.url}/graphql`, graphqlPost('{ sdg(number: 17) { number } }', { origin }));
        const allowed = await ask('http://dashboard.example');
        expect(allowed.headers.get('access-control-allow-origin')).toBe('http://dashboard.example');
        expect(allowed.headers.get('vary')).toMatch(/origin/i);
        const other = await ask('http://elsewhere.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await strict.stop();
      }
    });
  });
});

describe('a refused sign-in', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({
        secret: 'http-front-secret-0123456789abcdefghij',
        jwksUrl: undefined,
        anonymousRead: true,
      }),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('is answered 401 with an x-request-id, on /graphql and on /export', async () => {
    for (const path of ['/graphql?query=%7B__typename%7D', '/export/measures.csv']) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { authorization: 'Bearer not.a.jwt', 'x-request-id': 'edge-401' },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-request-id')).toBe('edge-401');
      await response.arrayBuffer();
    }
  });
});

describe('deep JSON inputs, with the response cache on', () => {
  jest.setTimeout(60_000);

  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway, { env: { RESPONSE_CACHE_MAX_MB: '8' } });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  /** `levels` nested JSON lists around a number: 5,000 levels are 10 KB. */
  const nestedLists = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  const query = 'query Deep($deep: Int!) { sdg(number: $deep) { number } }';
  type Answer = { errors?: { message: string; extensions?: { code?: string; limit?: string } }[] };

  it('refuses variables nested 5,000 levels deep 400 BAD_REQUEST, naming the limit, before any GraphQL work', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": ${JSON.stringify(query)}, "variables": {"deep": ${nestedLists(5_000)}}}`,
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as Answer;
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(answer.errors?.[0]?.message).toMatch(
      /^variables nested deeper than 64 levels; the limit is 64 \(QUERY_MAX_NESTING\)/,
    );
  });

  it('refuses deep `variables` and `extensions` query parameters of a GET the same way', async () => {
    // Brackets and braces as they are in a URL's query (fetch leaves them unescaped): 5,000 levels fit in 10 KB.
    for (const parameter of ['variables', 'extensions']) {
      const value = `{"deep":${nestedLists(5_000)}}`;
      const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}&${parameter}=${value}`);
      expect({ parameter, status: response.status }).toEqual({ parameter, status: 400 });
      const answer = (await response.json()) as Answer;
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(answer.errors?.[0]?.message).toMatch(new RegExp(`^${parameter} nested deeper than 64 levels`));
    }
  });

  it('refuses a deep batch or body of another shape, and leaves inputs at the limit to GraphQL', async () => {
    const deepBatch = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `[${nestedLists(5_000)}]`,
    });
    expect(deepBatch.status).toBe(400);
    expect(((await deepBatch.json()) as Answer).errors?.[0]?.message).toMatch(/^request body nested deeper than/);

    // {"deep": [[…63 lists…]]} is 64 levels: GraphQL gets it and refuses the list where an Int belongs.
    const atLimit = await server.query(query, { deep: JSON.parse(nestedLists(63)) as unknown });
    expect(atLimit.status).toBe(400);
    expect(atLimit.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses an export's deep filter or orderBy 400 BAD_USER_INPUT naming the parameter", async () => {
    for (const parameter of ['filter', 'orderBy']) {
      const response = await fetch(`${server.url}/export/measures.csv?${parameter}=${nestedLists(5_000)}`);
      expect({ parameter, status: response.status }).toEqual({ parameter, status: 400 });
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('BAD_USER_INPUT');
      expect(answer.error.message).toMatch(new RegExp(`^${parameter}: nested deeper than 64 levels`));
    }
  });

  it('still answers ordinary reads from the cache afterwards', async () => {
    const first = await server.query<{ sdg: { number: number } }>('{ sdg(number: 17) { number } }');
    const second = await server.query<{ sdg: { number: number } }>('{ sdg(number: 17) { number } }');
    expect([first.data?.sdg.number, second.data?.sdg.number]).toEqual([17, 17]);
  });
});

describe('careless and hostile clients', () => {
  jest.setTimeout(60_000);

  let db: TestDatabase;
  let server: TestServer;
  const budgetMs = 1_500;
  const idleMs = 2_000;
  /** Writing the answer and seeing the socket close, past the timer that decides it. */
  const CLOSE_SLACK_MS = 500;
  /** How often the idle test looks at the bytes the server has written. */
  const WRITE_WATCH_MS = 50;
  /** Idle periods from the last movement the test sees to the close (see the test). */
  const IDLE_PERIODS = 2;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway, {
      requestBudget: { timeoutMs: budgetMs },
      http: { idleTimeoutMs: idleMs },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('cuts off a body sent byte by byte once the request time budget is spent', async () => {
    const socket = await openSocket(server.url);
    const seen = watch(socket);
    const started = Date.now();
    // A timer due when the budget's check is due at the latest: how late this machine fires it, now.
    const lateness = timerLateness(budgetMs + CONNECTIONS_CHECKING_INTERVAL_MS);
    socket.write(
      'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n',
    );
    const body = JSON.stringify({ query: '{ __typename }' }).padEnd(200, ' ');
    for (let i = 0; i < body.length && seen.closedAt() === undefined; i++) {
      if (!socket.destroyed) socket.write(body[i] ?? ' ');
      await sleep(100);
    }
    // 200 bytes at 10 per second would take 20 s; Node checks the budget every second
    // (CONNECTIONS_CHECKING_INTERVAL_MS), so the cut comes by budget + interval, as late as timers fire now.
    expect(seen.closedAt()).toBeDefined();
    process.stderr.write(
      `http front: trickled body cut ${(seen.closedAt() ?? Infinity) - started} ms after it began (budget ${budgetMs} ms, timer ${Math.round(await lateness)} ms late)\n`,
    );
    expect((seen.closedAt() ?? Infinity) - started).toBeLessThanOrEqual(
      budgetMs + CONNECTIONS_CHECKING_INTERVAL_MS + (await lateness) + CLOSE_SLACK_MS,
    );
    expect(seen.text()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes the socket of a client that never reads its answer, and stays healthy', async () => {
    const serverSide = new Promise<Socket>((resolve) => server.httpServer.once('connection', resolve));
    const socket = await openSocket(server.url);
    socket.on('error', () => undefined);
    socket.pause();
    // 20 × ~1 MB, far more than the socket buffers hold, so the server's writes stall.
    socket.write('GET /ide/graphiql.js HTTP/1.1\r\nhost: localhost\r\n\r\n'.repeat(20));
    const stalled = await serverSide;
    // The idle clock restarts whenever a byte moves: a write handed to the socket (bytesWritten) or one the
    // kernel took (the socket's buffer, writableLength, shrinks). On a loaded machine the kernel takes a while
    // to fill up, so the close is timed from the last movement seen, not from the connection. Beside it, a
    // timer of the idle time started with each movement: how late such a timer fires now.
    const moved = (): string => `${stalled.bytesWritten}/${stalled.writableLength}`;
    let lastMovedAt = Date.now();
    let last = moved();
    let lateness = timerLateness(idleMs);
    const watchWrites = setInterval(() => {
      if (moved() === last) return;
      [last, lastMovedAt, lateness] = [moved(), Date.now(), timerLateness(idleMs)];
    }, WRITE_WATCH_MS);
    await new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    const closedAt = Date.now();
    clearInterval(watchWrites);
    process.stderr.write(
      `http front: stalled socket closed ${closedAt - lastMovedAt} ms after its last movement (idle ${idleMs} ms, timer ${Math.round(await lateness)} ms late)\n`,
    );
    // Observed on the build machine (at load 14 and 17): the close comes two idle periods after the last movement
    // the test can see (4.0 s at 2 s), so the socket's timer counts one more movement than these two numbers show.
    // Bounded at two periods, each as late as a timer fires now: a socket left open still fails it.
    expect(closedAt - lastMovedAt).toBeLessThanOrEqual(
      IDLE_PERIODS * (idleMs + (await lateness)) + WRITE_WATCH_MS + CLOSE_SLACK_MS,
    );
    socket.destroy();
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    const answer = await server.query<{ sdg: { number: number } }>('{ sdg(number: 17) { number } }');
    expect(answer.data?.sdg.number).toBe(17);
  });
});

describe('shutdown', () => {
  jest.setTimeout(60_000);

  it('finishes the in-flight request with Connection: close, closes idle keep-alive sockets, resets nothing', async () => {
    const db = openTestDatabase();
    const server = await startTestServer(db.gateway);
    try {
      const agent = new Agent({ keepAlive: true });
      const idleErrors: Error[] = [];
      let idleClosed = false;
      agent.once('free', (socket: Socket) => {
        socket.on('error', (error) => idleErrors.push(error));
        socket.on('close', () => (idleClosed = true));
      });
      const idle = await rawRequest(`${server.url}/health/live`, { agent });
      expect(idle.headers.connection).toBe('keep-alive');

      const inFlight = await openSocket(server.url);
      const seen = watch(inFlight);
      const body = JSON.stringify({ query: '{ sdg(number: 17) { number } }' });
      inFlight.write(
        `POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      inFlight.write(body.slice(0, 10));
      await sleep(200);
      const stopped = server.stop();
      await sleep(200);
      inFlight.write(body.slice(10));

      await until(() => seen.closedAt() !== undefined, 10_000, 'the in-flight answer');
      expect(seen.text()).toMatch(/^HTTP\/1\.1 200 /);
      expect(seen.text()).toMatch(/\r\nconnection: close\r\n/i);
      expect(seen.text()).toContain('"sdg":{"number":17}');
      expect(seen.errors).toEqual([]);
      await stopped;
      await until(() => idleClosed, 5_000, 'the idle keep-alive socket closing');
      expect(idleErrors).toEqual([]);
      // A follow-up finds the port closed (refused), never a connection reset mid-request.
      await expect(rawRequest(`${server.url}/health/live`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      agent.destroy();
    } finally {
      await db.close();
    }
  });
});
