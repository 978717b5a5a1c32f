import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { freePort } from '../../helpers/free-port';
import { startNginx, type NginxProxy } from '../../helpers/nginx-proxy';
import { readExposition, sampleValue } from '../../helpers/prometheus-text';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';

const METRICS_TOKEN = 'rolling-upgrade-metrics-token-0123456789';
/** A read as the dashboard sends them: GET, which a load balancer may send again to the other instance. */
const READ = `/graphql?query=${encodeURIComponent('{ serviceInfo { nodeCount seedHash } }')}`;
/** What `sha256sum seed/graph.json` prints for the seed this checkout serves. */
const SEED_HASH = createHash('sha256').update(readFileSync('seed/graph.json')).digest('hex');

interface Instance {
  readonly port: number;
  readonly child: ChildProcess;
  readonly ended: Promise<void>;
}

/**
 * One API instance as compose runs it (`node dist/src/index.js`, NODE_ENV=production, on a port of its own)
 * over the shared test database; resolves once its log says it is ready.
 */
async function startInstance(port: number): Promise<Instance> {
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      NEO4J_URI: testNeo4jUri(),
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: testNeo4jPassword(),
      METRICS_TOKEN,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('close', () => reject(new Error(`the instance on ${port} ended before it was ready`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('GraphQL ready')) resolve();
    });
  });
  return { port, child, ended };
}

/** What `docker compose up -d --wait api` does to one instance: the old one stopped, the new one started. */
async function replace(instance: Instance): Promise<Instance> {
  instance.child.kill('SIGTERM');
  await instance.ended;
  return startInstance(instance.port);
}

async function answerOf(url: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text() };
}

/**
 * docs/operators.md "Upgrades and rollbacks", step by step as the compose file deploys the API (two
 * instances, api and api-2, over one database behind a load balancer), without Docker: two service processes
 * behind a real nginx balancing over both, readers running through nginx all along, each instance replaced
 * one at a time, each once the other is ready; not one read may fail. Then step 4: every instance names the
 * seed it serves in serviceInfo and in the metric honjo_seed_info, the hash of seed/graph.json.
 * The new version here is this checkout again: the test is of the gap, not of a seed change
 * (tests/integration/ingest/seed-upgrade.int.test.ts loads another seed under readers).
 */
describe('a rolling upgrade of two instances behind a load balancer', () => {
  jest.setTimeout(600_000);
  let instances: Instance[] = [];
  let nginx: NginxProxy;

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    instances = await Promise.all(ports.map(startInstance));
    // The upstream block of docs/operators.md "Upgrades and rollbacks": max_fails=0, so an instance being
    // replaced is never taken out for fail_timeout after it is back (nginx's default took both out: 502s).
    nginx = await startNginx(['http://honjo'], { honjo: ports.map((port) => `127.0.0.1:${port} max_fails=0`) });
  });
  afterAll(async () => {
    await nginx?.stop();
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((instance) => instance.ended));
  });

  /** One read through nginx: status 200 and data, or what went wrong. */
  const readThroughNginx = (): Promise<string> =>
    new Promise((resolve) => {
      const request = httpsRequest(
        `https://localhost:${nginx.ports[0] ?? 0}${READ}`,
        {
          ca: nginx.certificate,
          servername: 'localhost',
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            const ok = response.statusCode === 200 && body.includes(`"seedHash":"${SEED_HASH}"`);
            resolve(ok ? 'ok' : `${response.statusCode ?? 0}: ${body.slice(0, 200)}`);
          });
        },
      );
      request.on('error', (error) => resolve(error.message));
      request.end();
    });

  it('replaces both instances while reads go on, none failing, and each names the seed it serves', async () => {
    const outcomes: string[] = [];
    let reading = true;
    const reader = async (): Promise<void> => {
      while (reading) outcomes.push(await readThroughNginx());
    };
    const readers = [reader(), reader()];
    // Step 2 and 3: one instance at a time, the next once the previous is ready (the start resolves then).
    for (let index = 0; index < instances.length; index++) {
      const replaced = await replace(instances[index]!);
      instances[index] = replaced;
      expect((await answerOf(`http://127.0.0.1:${replaced.port}/health/ready`)).status).toBe(200);
    }
    reading = false;
    await Promise.all(readers);
    expect(outcomes.length).toBeGreaterThan(100);
    const failed = outcomes.filter((outcome) => outcome !== 'ok');
    process.stderr.write(`rolling upgrade: ${outcomes.length} reads through nginx, ${failed.length} failed\n`);
    expect({ reads: outcomes.length, failed: failed.length, first: failed.slice(0, 3) }).toEqual({
      reads: outcomes.length,
      failed: 0,
      first: [],
    });

    // Step 4: each instance, asked directly, serves the seed of seed/graph.json.
    for (const { port } of instances) {
      const info = await answerOf(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ serviceInfo { version seedHash } }' }),
      });
      expect(JSON.parse(info.text)).toEqual({
        data: { serviceInfo: { version: expect.any(String) as string, seedHash: SEED_HASH } },
      });
      const metrics = await answerOf(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(sampleValue(readExposition(metrics.text), 'honjo_seed_info', { seed: SEED_HASH })).toBe(1);
    }
  });
});
