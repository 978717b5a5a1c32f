import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EXAMPLES_DIRECTORY } from '../../src/ide/example-operations';
import { readSeedFile } from '../../src/ingest/load/seed-file';
import { MAX_BODY_BYTES } from '../../src/server';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { openSocket, rawRequest } from '../helpers/raw-http';
import { startTestServer, type TestServer } from '../helpers/test-server';

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

    // The stylesheet inlines GraphiQL's fonts as base64, which compresses less than code.
    it.each([
      ['graphiql.min.js', 2],
      ['graphiql.min.css', 1.3],
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
      expect(first.headers['cache-control']).toBe('max-age=60, public');
      const etag = String(first.headers.etag);
      const seedHash = readSeedFile()?.hash ?? 'empty';
      expect(etag).toMatch(new RegExp(`^W/"${seedHash.slice(0, 12)}-[\\w-]+"$`));
      expect(server.dataVersion.current()).toBe(seedHash);

      const again = await rawRequest(getUrl('{ sdg(number: 17) { number nameEn } }'), {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers['cache-control']).toBe('max-age=60, public');

      const other = await rawRequest(getUrl('{ sdg(number: 16) { number nameEn } }'), {
        headers: { 'if-none-match': etag },
      });
      expect(other.status).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
    });

    it('gives an anonymous POST the same Cache-Control and ETag', async () => {
      const response = await fetch(`${server.url}/graphql`, graphqlPost('{ sdg(number: 17) { number nameEn } }'));
      expect(response.headers.get('cache-control')).toBe('max-age=60, public');
      expect(response.headers.get('etag')).toMatch(/^W\/"/);
    });

    it('keeps answers to requests with credentials out of shared caches', async () => {
      const response = await fetch(
        `${server.url}/graphql`,
        graphqlPost('{ sdg(number: 17) { number } }', { authorization: 'Bearer someone' }),
      );
      expect(response.headers.get('cache-control')).toBe('max-age=60, private');
    });

    it('never caches an answer with errors', async () => {
      const response = await fetch(`${server.url}/graphql`, graphqlPost('{ measures(first: 0) { totalCount } }'));
      expect(((await response.json()) as { errors?: unknown[] }).errors).toBeDefined();
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
    });
  });

  describe('request bodies', () => {
    it('answers a declared oversized body 413 while the client is still sending, before the connection closes', async () => {
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
      expect(seen.closedAt()).toBeUndefined();
      expect(seen.errors).toEqual([]);
      socket.destroy();
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

    it('lets pages read the request id, validators, caching policy, age and file name of an answer', async () => {
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

describe('careless and hostile clients', () => {
  jest.setTimeout(60_000);

  let db: TestDatabase;
  let server: TestServer;
  const budgetMs = 1_500;
  const idleMs = 2_000;
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
    socket.write(
      'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n',
    );
    const body = JSON.stringify({ query: '{ __typename }' }).padEnd(200, ' ');
    for (let i = 0; i < body.length && seen.closedAt() === undefined; i++) {
      if (!socket.destroyed) socket.write(body[i] ?? ' ');
      await sleep(100);
    }
    // 200 bytes at 10 per second would take 20 s; Node checks the budget every second.
    expect(seen.closedAt()).toBeDefined();
    expect((seen.closedAt() ?? Infinity) - started).toBeLessThan(budgetMs + 3_000);
    expect(seen.text()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes the socket of a client that never reads its answer, and stays healthy', async () => {
    const serverSide = new Promise<Socket>((resolve) => server.httpServer.once('connection', resolve));
    const socket = await openSocket(server.url);
    socket.on('error', () => undefined);
    socket.pause();
    // 20 × ~1 MB, far more than the socket buffers hold, so the server's writes stall.
    socket.write('GET /ide/graphiql.min.js HTTP/1.1\r\nhost: localhost\r\n\r\n'.repeat(20));
    const stalled = await serverSide;
    const started = Date.now();
    await new Promise<void>((resolve) => stalled.once('close', () => resolve()));
    // The idle clock starts when the last byte moved; on a loaded machine the kernel takes a while to fill up.
    expect(Date.now() - started).toBeLessThan(20_000);
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
