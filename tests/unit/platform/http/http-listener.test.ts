import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';
import { HttpListener } from '../../../../src/platform/http/http-listener';
import { StartUpProgress } from '../../../../src/platform/service/start-up-progress';
import { testLogger } from '../../../helpers/log-capture';

/** A listener as src/index.ts makes it, on a free loopback port, answering with `progress`'s step. */
async function listening(progress: StartUpProgress, requestTimeoutMs = 10_000): Promise<HttpListener> {
  const listener = new HttpListener({
    requestTimeoutMs,
    keepAliveTimeoutMs: 5_000,
    idleTimeoutMs: 30_000,
    logger: testLogger(),
    startUp: progress,
  });
  await listener.listen(0);
  return listener;
}

async function answer(url: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('the HTTP server while the service starts', () => {
  let listener: HttpListener;
  const progress = new StartUpProgress();
  beforeAll(async () => {
    listener = await listening(progress);
  });
  afterAll(async () => {
    await listener.drain.stop(0);
  });

  it('answers /health/live 200 and /health/ready 503 naming the step, whatever the step is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (step) => {
        progress.at(step);
        expect(await answer(`${listener.url}/health/live`)).toMatchObject({ status: 200, body: { status: 'ok' } });
        const ready = await answer(`${listener.url}/health/ready`);
        expect(ready).toMatchObject({ status: 503, body: { status: 'starting', step } });
      }),
      { numRuns: 30 },
    );
  });

  it('refuses anything but GET and HEAD on the health routes, as the routes do later', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const refused = await answer(`${listener.url}${path}`, { method: 'POST' });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('allow')).toBe('GET, HEAD');
    }
  });
});

describe('a request that arrives before the routes exist', () => {
  it('is held and answered by the routes once they are handed over', async () => {
    const listener = await listening(new StartUpProgress());
    try {
      const pending = answer(`${listener.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      // Long enough for the request to have arrived and be held.
      await new Promise((resolve) => setTimeout(resolve, 200));
      listener.serve((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ echoed: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
        });
      });
      expect(await pending).toMatchObject({ status: 200, body: { echoed: { query: '{ __typename }' } } });
    } finally {
      await listener.drain.stop(0);
    }
  });

  it('is answered 503 with the step and a Retry-After when its time runs out first', async () => {
    const progress = new StartUpProgress();
    progress.at('starting the embedded database');
    const listener = await listening(progress, 300);
    try {
      const graphql = await answer(`${listener.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(graphql.status).toBe(503);
      expect(graphql.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(graphql.body).toEqual({
        errors: [
          {
            message: 'the service is starting (starting the embedded database); try again shortly',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
      const page = await answer(`${listener.url}/dashboard`);
      expect(page).toMatchObject({
        status: 503,
        body: { error: 'the service is starting (starting the embedded database); try again shortly' },
      });
    } finally {
      await listener.drain.stop(0);
    }
  });
});

describe("the server's drain on stop", () => {
  it('answers a request under way, refuses new connections, and cuts one still unanswered at the grace', async () => {
    const listener = await listening(new StartUpProgress());
    listener.serve((request, response) => {
      // `/slow` is answered after a while; `/never` is not answered at all (a request stuck on its work).
      if (request.url === '/slow') setTimeout(() => response.end('done'), 300);
    });
    const get = (path: string): Promise<string> =>
      new Promise<string>((resolve, reject) => {
        httpRequest(`${listener.url}${path}`, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
    const never = get('/never').catch((error: unknown) => error);
    const slow = get('/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Bounded by the grace, not by the work: the unanswered request is the one connection cut.
    expect(await listener.drain.stop(1_000)).toBe(1);
    expect(await slow).toBe('done');
    expect(await never).toMatchObject({ code: 'ECONNRESET' });
    await expect(fetch(`${listener.url}/slow`)).rejects.toThrow();
  });

  it('answers a request sent on an idle keep-alive connection just as the stop begins', async () => {
    const listener = await listening(new StartUpProgress());
    listener.serve((_request, response) => response.end('answered'));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (): Promise<string> =>
      new Promise<string>((resolve, reject) => {
        httpRequest(`${listener.url}/`, { agent }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
    try {
      expect(await get()).toBe('answered');
      // The connection is idle now; the next request goes on it as the stop begins.
      const stopping = listener.drain.stop(2_000);
      expect(await get()).toBe('answered');
      expect(await stopping).toBe(0);
    } finally {
      agent.destroy();
    }
  });
});
