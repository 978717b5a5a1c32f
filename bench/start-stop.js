'use strict';
// How soon `npm start` answers and how soon it stops: time to live (`/health/live` 200) and time to ready
// (`/health/ready` 200) from the moment `npm start` is spawned, on an external Neo4j and on the embedded one with
// a fresh and with a warm data folder; then SIGTERM to npm's pid while clients keep sending requests, and how
// long until npm, the service and its Neo4j are gone, whether the requests under way were answered, and how long
// after the signal `/health/live` still answered. The load is --clients clients reading the IDE's examples.
//
// Usage: node bench/start-stop.js [--runs N] [--clients N] [--neo4j bolt://127.0.0.1:PORT] [--only external|embedded]
// (`npm run build` first; with --neo4j, NEO4J_USER and NEO4J_PASSWORD name the login). Loopback only; every loop
// is bounded in count and time, and every process it starts is stopped before it ends.
const { spawn, execFileSync } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { randomBytes } = require('node:crypto');
const { ROOT, openNeo4j } = require('./lib/stack');
const { freePort } = require('./lib/free-port');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    clients: { type: 'string', default: '8' },
    neo4j: { type: 'string' },
    only: { type: 'string' },
  },
});
const RUNS = Number(flags.runs);
const CLIENTS = Number(flags.clients);
/** How often the health routes are asked during a start and a stop. */
const POLL_MS = 25;
/** A start that takes longer than this is reported as not ready. */
const START_BOUND_MS = 300_000;
/** Requests are sent this long before the signal, so the signal lands in a loaded service. */
const LOAD_BEFORE_STOP_MS = 3_000;
/** A stop that takes longer than this is ended with SIGKILL (and reported). */
const STOP_BOUND_MS = 30_000;
/** At most this many requests per client in one stop run (the loop is bounded in count as in time). */
const MAX_REQUESTS_PER_CLIENT = 5_000;

/** The reads the load sends: the IDE's example queries (the one mutation needs a signed-in user). */
const LOAD_QUERIES = readdirSync(join(ROOT, 'schema', 'examples'))
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(join(ROOT, 'schema', 'examples', file), 'utf8'))
  .filter((text) => !/^\s*mutation\b/m.test(text.replace(/^#.*$/gm, '')));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Status of GET `url`, or undefined when nothing answered within a second. */
async function statusOf(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Whether a process of that id is alive (signal 0 asks without sending anything). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The descendants of `pid` (the service under npm, the Neo4j launcher under the service). */
function descendantsOf(pid) {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = out.split('\n').filter(Boolean).map(Number);
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

/** `npm start` with `env`, its output kept (the last lines are shown when a start fails). */
function npmStart(env) {
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  for (const stream of [npm.stdout, npm.stderr]) {
    stream.on('data', (chunk) => {
      tail.push(...String(chunk).split('\n').filter(Boolean));
      tail.splice(0, Math.max(0, tail.length - 30));
    });
  }
  const exited = new Promise((resolve) => npm.once('exit', () => resolve(Date.now())));
  return { npm, exited, tail };
}

/** From the spawn: when /health/live and /health/ready first answered 200, and the steps /health/ready named. */
async function timeToReady(base, spawnedAt, started) {
  let liveAt;
  let readyAt;
  const steps = new Set();
  let gone = false;
  started.exited.then(() => (gone = true));
  while (readyAt === undefined && !gone && Date.now() - spawnedAt < START_BOUND_MS) {
    const asked = Date.now();
    if (liveAt === undefined && (await statusOf(`${base}/health/live`)) === 200) liveAt = Date.now();
    if (liveAt !== undefined) {
      try {
        const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3_000) });
        const body = await response.json();
        if (response.status === 200) readyAt = Date.now();
        else if (typeof body.step === 'string') steps.add(body.step.replace(/\d+\/\d+/, 'n/m'));
      } catch {
        // not answering yet
      }
    }
    await sleep(Math.max(0, POLL_MS - (Date.now() - asked)));
  }
  if (readyAt === undefined) throw new Error(`not ready within ${START_BOUND_MS} ms:\n${started.tail.join('\n')}`);
  return { liveMs: liveAt - spawnedAt, readyMs: readyAt - spawnedAt, steps: [...steps] };
}

/** One client: requests one after another on keep-alive connections until `stopAt()` says so or the count is spent. */
async function client(url, index, stopped, outcomes) {
  for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && !stopped(); i++) {
    const sentAt = Date.now();
    const query = LOAD_QUERIES[(index + i) % LOAD_QUERIES.length];
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(20_000),
      });
      await response.arrayBuffer();
      outcomes.push({
        sentAt,
        endedAt: Date.now(),
        outcome: response.status === 200 ? 'ok' : `HTTP ${response.status}`,
      });
    } catch (error) {
      outcomes.push({ sentAt, endedAt: Date.now(), outcome: `network ${error.cause?.code ?? error.name}` });
      await sleep(50);
    }
  }
}

/** SIGTERM to npm's pid under load: how long until everything is gone, and what the requests under way got. */
async function stopUnderLoad(base, started) {
  const outcomes = [];
  let signalledAt = Infinity;
  const stopped = () => Date.now() > signalledAt + STOP_BOUND_MS || (started.npm.exitCode ?? null) !== null;
  const clients = Array.from({ length: CLIENTS }, (_, index) =>
    client(`${base}/graphql`, index, () => stopped() || Date.now() > signalledAt + STOP_BOUND_MS, outcomes),
  );
  await sleep(LOAD_BEFORE_STOP_MS);
  const processes = descendantsOf(started.npm.pid);
  signalledAt = Date.now();
  started.npm.kill('SIGTERM');
  let lastLiveAt;
  const liveWatch = (async () => {
    while (alive(started.npm.pid) && Date.now() - signalledAt < STOP_BOUND_MS) {
      if ((await statusOf(`${base}/health/live`)) === 200) lastLiveAt = Date.now();
      await sleep(POLL_MS);
    }
  })();
  const killer = setTimeout(() => {
    for (const pid of [started.npm.pid, ...processes]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }, STOP_BOUND_MS);
  const npmExitAt = await started.exited;
  while (processes.some(alive) && Date.now() - signalledAt < STOP_BOUND_MS + 5_000) await sleep(POLL_MS);
  const allGoneAt = Date.now();
  clearTimeout(killer);
  await Promise.all([...clients, liveWatch]);
  const underWay = outcomes.filter((o) => o.sentAt <= signalledAt);
  return {
    npmExitMs: npmExitAt - signalledAt,
    allGoneMs: allGoneAt - signalledAt,
    lastLiveMs: lastLiveAt === undefined ? undefined : lastLiveAt - signalledAt,
    underWay: underWay.filter((o) => o.endedAt >= signalledAt).length,
    underWayFailed: underWay.filter((o) => o.endedAt >= signalledAt && o.outcome !== 'ok').map((o) => o.outcome),
    answeredAfter: outcomes.filter((o) => o.sentAt > signalledAt && o.outcome === 'ok').length,
  };
}

/** One start (and, with `stop`, a stop under load) of `npm start` with `env`. */
async function run(env, { stop }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const started = npmStart({ ...env, PORT: String(port) });
  try {
    const start = await timeToReady(base, spawnedAt, started);
    if (!stop) return { start };
    return { start, stop: await stopUnderLoad(base, started) };
  } finally {
    for (const pid of [...descendantsOf(started.npm.pid ?? 0), started.npm.pid])
      if (pid && alive(pid)) process.kill(pid, 'SIGTERM');
    await Promise.race([started.exited, sleep(STOP_BOUND_MS)]);
    for (const pid of descendantsOf(started.npm.pid ?? 0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

const seconds = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

function startLine(label, { start }) {
  process.stdout.write(
    `${label.padEnd(26)} live ${seconds(start.liveMs).padStart(7)}   ready ${seconds(start.readyMs).padStart(7)}   ` +
      `steps seen: ${start.steps.join(', ') || '–'}\n`,
  );
}

function stopLine(label, { stop }) {
  process.stdout.write(
    `${label.padEnd(26)} npm exit ${seconds(stop.npmExitMs).padStart(7)}   all gone ${seconds(stop.allGoneMs).padStart(7)}   ` +
      `last /health/live ${seconds(stop.lastLiveMs).padStart(7)}   under way ${stop.underWay}, ` +
      `failed ${stop.underWayFailed.length}${stop.underWayFailed.length ? ` (${[...new Set(stop.underWayFailed)].join(', ')})` : ''}\n`,
  );
}

async function main() {
  process.stdout.write(
    `start-stop: ${RUNS} runs, ${CLIENTS} clients during each stop; times from \`npm start\`'s spawn / from SIGTERM to npm\n`,
  );
  if (flags.only !== 'embedded') {
    const neo4j = await openNeo4j({ reuseUri: flags.neo4j });
    try {
      const env = { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password };
      // The first start seeds an empty database; it is measured but not counted with the others.
      startLine('external, seeding', await run(env, { stop: false }));
      for (let i = 1; i <= RUNS; i++) {
        const result = await run(env, { stop: true });
        startLine(`external #${i}`, result);
        stopLine(`external #${i} SIGTERM`, result);
      }
    } finally {
      await neo4j.stop();
    }
  }
  if (flags.only !== 'external') {
    for (let i = 1; i <= RUNS; i++) {
      const dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-start-stop-'));
      try {
        const env = {
          NEO4J_URI: '',
          EMBEDDED_NEO4J_DATA: dataDirectory,
          EMBEDDED_NEO4J_PORT: String(await freePort()),
          EMBEDDED_NEO4J_PASSWORD: randomBytes(12).toString('hex'),
        };
        startLine(`embedded fresh #${i}`, await run(env, { stop: false }));
        const warm = await run(env, { stop: true });
        startLine(`embedded warm #${i}`, warm);
        stopLine(`embedded warm #${i} SIGTERM`, warm);
      } finally {
        rmSync(dataDirectory, { recursive: true, force: true });
      }
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
