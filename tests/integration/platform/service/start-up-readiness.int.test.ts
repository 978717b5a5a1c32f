import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../../helpers/free-port';
import { buildOncePerRun } from '../../../helpers/service-build';
import { testNeo4jPassword, testNeo4jUri } from '../../../helpers/test-database';

/** What one probe of the health routes saw, in the order asked. */
interface Probe {
  readonly live: number | undefined;
  readonly ready: number | undefined;
  readonly readyBody: { status?: string; step?: string } | undefined;
}

/** A GraphQL read sent while the service was starting, and what it got. */
interface EarlyRead {
  readonly sentWhile: string;
  readonly status: number;
  readonly body: { data?: unknown; errors?: unknown };
}

const EXAMPLE = readFileSync('schema/examples/07-policy-item-in-full.graphql', 'utf8');

async function statusAndBody(url: string): Promise<{ status: number; body: unknown } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.json() };
  } catch {
    return undefined;
  }
}

async function graphqlRead(base: string): Promise<{ status: number; body: EarlyRead['body'] }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EXAMPLE }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json()) as EarlyRead['body'] };
}

/**
 * The compiled service (`npm start` runs `node dist/src/index.js`) on the test database, which is up already:
 * the health routes are asked from the moment the process is spawned until it is ready. What the operators'
 * guide promises (docs/operators.md "Health"): the port opens before the start is done, `/health/live` answers
 * 200 while `/health/ready` answers 503 `starting` with the step, and a request sent meanwhile is answered.
 * How soon is measured by `node bench/start-stop.js`, not asserted here.
 */
describe('the service while it starts', () => {
  jest.setTimeout(240_000);
  let child: ChildProcess;
  const probes: Probe[] = [];
  const earlyReads: Promise<EarlyRead>[] = [];

  beforeAll(async () => {
    expect(await buildOncePerRun()).toBe(0);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['dist/src/index.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        NEO4J_URI: testNeo4jUri(),
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: testNeo4jPassword(),
        // A request held while the routes are made is answered within this (a loaded machine starts slowly);
        // an idle connection must outlast a request (a configuration rule).
        REQUEST_TIMEOUT_MS: '30000',
        HTTP_IDLE_TIMEOUT_MS: '60000',
        LOG_LEVEL: 'warn',
      },
      // Its warnings and a failed start's fatal line are shown with the test's output.
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const until = Date.now() + 180_000;
    while (Date.now() < until && child.exitCode === null) {
      const [live, ready] = await Promise.all([
        statusAndBody(`${base}/health/live`),
        statusAndBody(`${base}/health/ready`),
      ]);
      const readyBody = ready?.body as Probe['readyBody'];
      probes.push({ live: live?.status, ready: ready?.status, readyBody });
      // One read as soon as the port answers (the routes may not exist yet), one during the planning.
      const step = readyBody?.step ?? '';
      const sendWhile = (what: string): void => {
        earlyReads.push(graphqlRead(base).then((read) => ({ sentWhile: what, ...read })));
      };
      if (live?.status === 200 && earlyReads.length === 0) sendWhile(step);
      if (step.startsWith('planning') && earlyReads.length === 1) sendWhile(step);
      if (ready?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(child.exitCode).toBeNull();
  });

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('answers /health/live 200 while /health/ready is 503 starting, before it is ready', () => {
    const firstLive = probes.findIndex((probe) => probe.live === 200);
    const firstReady = probes.findIndex((probe) => probe.ready === 200);
    expect(firstLive).toBeGreaterThan(-1);
    expect(firstReady).toBeGreaterThan(firstLive);
    const starting = probes.filter((probe) => probe.live === 200 && probe.ready === 503);
    expect(starting.length).toBeGreaterThan(0);
    // Every 503 of the start says it is starting, and names a step; once live, the process stays live.
    for (const probe of starting) expect(probe.readyBody).toEqual(expect.objectContaining({ status: 'starting' }));
    expect(probes.slice(firstLive).every((probe) => probe.live === 200)).toBe(true);
  });

  it("names the step, the planning's with its count", () => {
    const steps = probes.map((probe) => probe.readyBody?.step).filter((step) => step !== undefined);
    expect(steps.every((step) => step.length > 0)).toBe(true);
    const planning = steps.filter((step) => /^planning .+ \d+\/\d+$/.test(step));
    expect(planning.length).toBeGreaterThan(0);
    // Counted up, never past the total.
    for (const step of planning) {
      const [ran, total] = (step.match(/(\d+)\/(\d+)$/) ?? []).slice(1).map(Number);
      expect(ran).toBeLessThanOrEqual(total ?? 0);
    }
  });

  it('answers a read sent before it is ready, the planning not waited for', async () => {
    const reads = await Promise.all(earlyReads);
    expect(reads.map((read) => read.sentWhile.startsWith('planning'))).toContain(true);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.body.errors).toBeUndefined();
      // The item the example asks for, by the code it asks with.
      expect((read.body.data as { policyItem?: { code?: string } } | undefined)?.policyItem?.code).toBe('6-1');
    }
  });
});
