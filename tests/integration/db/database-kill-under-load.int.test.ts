import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../helpers/free-port';
import { launcherServing } from '../../helpers/launcher-processes';
import { buildOncePerRun } from '../../helpers/service-build';

/** The request budget of the drill: the default REQUEST_TIMEOUT_MS. */
const BUDGET_MS = 10_000;
const READERS = 8;
/** Reading goes on this long before the first kill and after each recovery (the JVM then counts as recovered). */
const SETTLE_MS = 12_000;

/** The reads of the IDE's examples (the one mutation needs a signed-in user). */
const QUERIES = readdirSync('schema/examples')
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(join('schema/examples', file), 'utf8'))
  .filter((text) => !/^\s*mutation\b/m.test(text.replace(/^#.*$/gm, '')));

interface Read {
  readonly startedAt: number;
  readonly endedAt: number;
  /** `ok`, or the error codes joined, or `HTTP n` / `network …`. */
  readonly outcome: string;
  /** The first error's message, when not ok. */
  readonly message?: string;
}

interface LogLine {
  readonly time?: string;
  readonly event?: string;
  readonly msg?: string;
}

async function read(url: string, query: string): Promise<Read> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(BUDGET_MS + 20_000),
    });
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    const codes = [...new Set((body.errors ?? []).map((error) => error.extensions?.code ?? 'no code'))].sort();
    const outcome = codes.length > 0 ? codes.join('+') : response.status === 200 ? 'ok' : `HTTP ${response.status}`;
    return { startedAt, endedAt: Date.now(), outcome, message: body.errors?.[0]?.message };
  } catch (error) {
    return { startedAt, endedAt: Date.now(), outcome: `network ${(error as Error).name}` };
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The operators' failure drill, as the compiled service runs it (`npm start` with no NEO4J_URI): its own
 * supervised embedded Neo4j (the JVM serving its Bolt port, not the standby beside it) is SIGKILLed twice while
 * eight clients read. Every read either succeeds or, held by the
 * outage (sent before the database served again), is SERVICE_UNAVAILABLE at the end of its budget: reads under
 * way are held while the JVM restarts, then answered as it serves again (their statements planned anew). The
 * drill prints when the first 200 came and how many reads were not ok after each kill.
 */
describe('the embedded database killed under load', () => {
  jest.setTimeout(420_000);

  let child: ChildProcess;
  let dataDirectory: string;
  let base: string;
  let boltPort: number;
  const log: LogLine[] = [];

  beforeAll(async () => {
    const built = await buildOncePerRun();
    expect(built).toBe(0);
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-kill-drill-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    boltPort = await freePort();
    child = spawn(process.execPath, ['dist/src/index.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        NEO4J_URI: '',
        EMBEDDED_NEO4J_DATA: dataDirectory,
        EMBEDDED_NEO4J_PORT: String(boltPort),
        EMBEDDED_NEO4J_PASSWORD: randomBytes(12).toString('hex'),
        EMBEDDED_NEO4J_HEAP_MB: '512',
        EMBEDDED_NEO4J_PAGECACHE_MB: '32',
        RESPONSE_CACHE_MAX_MB: '0',
        REQUEST_TIMEOUT_MS: String(BUDGET_MS),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout! }).on('line', (text) => {
      try {
        log.push(JSON.parse(text) as LogLine);
      } catch {
        // not a log line
      }
    });
    const until = Date.now() + 240_000;
    while (Date.now() < until && !log.some((line) => line.msg?.startsWith('GraphQL ready') === true)) {
      if (child.exitCode !== null) throw new Error('the service exited during start-up');
      await sleep(200);
    }
  });

  afterAll(async () => {
    // The service's log lines, for timing a restart's phases by hand (KILL_DRILL_LOG=file).
    const trace = process.env.KILL_DRILL_LOG;
    if (trace !== undefined && trace !== '') writeFileSync(trace, log.map((line) => JSON.stringify(line)).join('\n'));
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** When the supervisor said a line containing `text` (epoch ms), the `nth` such line (0-based). */
  const loggedAt = (text: string, nth: number): number | undefined => {
    const line = log.filter((entry) => entry.event === 'database.supervisor' && entry.msg?.includes(text) === true)[
      nth
    ];
    return line?.time === undefined ? undefined : Date.parse(line.time);
  };

  const waitForLog = async (text: string, nth: number): Promise<number> => {
    const until = Date.now() + 180_000;
    while (loggedAt(text, nth) === undefined && Date.now() < until) await sleep(50);
    const at = loggedAt(text, nth);
    expect(at).toBeDefined();
    return at ?? 0;
  };

  it("runs the IDE's examples and the dashboard's first requests once before it listens, so they are planned", () => {
    const startup = log.filter((line) => line.event === 'startup').map((line) => line.msg ?? '');
    const listening = startup.findIndex((msg) => msg.startsWith('GraphQL ready'));
    const planned = startup.findIndex((msg) => /^planned the IDE's \d+ example queries in [\d.]+ s$/.test(msg));
    expect(planned).toBeGreaterThan(-1);
    expect(planned).toBeLessThan(listening);
    expect(startup[planned]).toContain(`planned the IDE's ${QUERIES.length} example queries`);
    // The built service's own dashboard build: every view's first request, none answered with errors.
    const dashboard = startup.findIndex((msg) =>
      /^planned the dashboard's \d+ first requests \(7 views\) in [\d.]+ s$/.test(msg),
    );
    expect(dashboard).toBeGreaterThan(-1);
    expect(dashboard).toBeLessThan(listening);
  });

  it('holds the reads under way, and answers each once the database serves again', async () => {
    const url = `${base}/graphql`;
    for (const query of QUERIES) expect((await read(url, query)).outcome).toBe('ok');

    const reads: Read[] = [];
    let reading = true;
    const readers = Array.from({ length: READERS }, async (_, reader) => {
      for (let i = reader; reading; i++) reads.push(await read(url, QUERIES[i % QUERIES.length] ?? ''));
    });
    const outages: { killedAt: number; servingAt: number }[] = [];
    try {
      for (let kill = 0; kill < 2; kill++) {
        await sleep(SETTLE_MS);
        // The database's JVM: the one serving Bolt (a standby beside it has a port of its own).
        const launcher = launcherServing(dataDirectory, boltPort);
        if (launcher === undefined) throw new Error(`no launcher of ${dataDirectory} serves port ${boltPort}`);
        const killedAt = Date.now();
        process.kill(launcher, 'SIGKILL');
        log.push({ time: new Date(killedAt).toISOString(), event: 'drill', msg: 'SIGKILL' });
        const servingAt = await waitForLog('serves again', kill);
        outages.push({ killedAt, servingAt });
      }
      await sleep(SETTLE_MS);
    } finally {
      reading = false;
      await Promise.all(readers);
    }
    if (process.env.KILL_DRILL_LOG) writeFileSync(`${process.env.KILL_DRILL_LOG}.reads`, JSON.stringify(reads));

    for (const [kill, { killedAt, servingAt }] of outages.entries()) {
      // An answer finished within 200 ms of the kill was read from the database before it died; a read is the
      // next kill's once it ends after that one (a read failed by the second kill is not the first's).
      const nextKilledAt = outages[kill + 1]?.killedAt ?? Infinity;
      const after = reads.filter(
        (r) => r.endedAt > killedAt + 200 && r.endedAt <= nextKilledAt + 200 && r.startedAt < servingAt + SETTLE_MS,
      );
      const firstOk = Math.min(...after.filter((r) => r.outcome === 'ok').map((r) => r.endedAt));
      const failed = after.filter((r) => r.outcome !== 'ok').length;
      process.stderr.write(
        `kill drill ${kill + 1}: serving again at +${((servingAt - killedAt) / 1000).toFixed(1)} s, ` +
          `first 200 at +${((firstOk - killedAt) / 1000).toFixed(1)} s, ${failed} reads not ok\n`,
      );
      expect(Number.isFinite(firstOk)).toBe(true);
    }
    // How long after serving again the reads held through an outage were still answered (measured here).
    const answeringAfter = (killedAt: number, servingAt: number): number =>
      Math.max(
        0,
        ...reads
          .filter((r) => r.outcome === 'ok' && r.startedAt <= servingAt && r.endedAt >= killedAt)
          .map((r) => r.endedAt - servingAt),
      );
    for (const { killedAt, servingAt } of outages)
      process.stderr.write(
        `kill drill: held reads answered until +${answeringAfter(killedAt, servingAt)} ms after serving\n`,
      );
    // What the reads not ok were told, by count (the drill's figures are read from this when it fails).
    const told = new Map<string, number>();
    for (const r of reads.filter((r) => r.outcome !== 'ok')) {
      const said = `${r.outcome}: ${r.message ?? ''}`;
      told.set(said, (told.get(said) ?? 0) + 1);
    }
    for (const [said, count] of told) process.stderr.write(`kill drill: ${count} × ${said}\n`);
    // Each kill was taken over by the standby JVM (EMBEDDED_NEO4J_STANDBY, on by default), or by a new JVM without.
    const how = log
      .filter((line) => line.event === 'database.supervisor')
      .map((line) => /is back \(([^)]+)\)/.exec(line.msg ?? '')?.[1])
      .filter((taken) => taken !== undefined);
    const standbyKept = !/^(false|0|no)$/i.test(process.env.EMBEDDED_NEO4J_STANDBY ?? '');
    expect(how).toEqual(Array(outages.length).fill(standbyKept ? 'the standby took over' : 'a new JVM'));
    const outcomes = new Set(reads.map((r) => r.outcome));
    expect([...outcomes].filter((outcome) => outcome !== 'ok' && outcome !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    // Each SERVICE_UNAVAILABLE read was held by an outage: sent before the database served again, and under way
    // when it went away. How many of them still made it once it served (the reads held queue for the cold
    // planning of a JVM just started) is a figure of speed, reported above and in docs/operators.md, not a bound
    // asserted here: a bound taken from the same run's answers failed whenever the last read in line missed its
    // deadline by a few milliseconds.
    const unavailable = reads.filter((r) => r.outcome === 'SERVICE_UNAVAILABLE');
    const heldByOutage = (r: Read): boolean =>
      outages.some(({ killedAt, servingAt }) => r.startedAt <= servingAt && r.endedAt >= killedAt);
    expect(unavailable.filter((r) => !heldByOutage(r))).toEqual([]);
    // Held, not failed fast: every refusal came at the end of the read's budget.
    for (const r of unavailable) expect(r.endedAt - r.startedAt).toBeGreaterThanOrEqual(BUDGET_MS - 500);
    expect(reads.filter((r) => r.outcome === 'ok').length).toBeGreaterThan(reads.length / 2);
  });
});
