'use strict';
// The operators' failure drill: our service on its own supervised embedded Neo4j, readers asking the examples
// round-robin, and the database's JVM SIGKILLed while they read. Reports, per kill, when the supervisor saw
// the JVM back, when the first 200 came after the kill, and every read that did not succeed.
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { onInterrupt, startNodeProcess } = require('./children');
const { freePort } = require('./free-port');
const { launcherServing } = require('./launcher-processes');
const { timedGraphQL } = require('./outcome');

const SERVICE_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the service as `npm start` does with no NEO4J_URI (it starts, supervises and seeds its own Neo4j in a
 * temporary directory), in production, with the default 10 s request budget and no response cache.
 */
async function startSupervisedService(onLine) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-drill-neo4j-'));
  const port = await freePort();
  const boltPort = await freePort();
  const service = await startNodeProcess({
    name: 'drill',
    args: ['-r', join(__dirname, 'loopback-only.js'), SERVICE_ENTRY],
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      NEO4J_URI: '',
      EMBEDDED_NEO4J_DATA: dataDirectory,
      EMBEDDED_NEO4J_PORT: String(boltPort),
      EMBEDDED_NEO4J_PASSWORD: randomBytes(12).toString('hex'),
      RESPONSE_CACHE_MAX_MB: '0',
      REQUEST_TIMEOUT_MS: '10000',
    },
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
    quiet: true,
    onLine,
  });
  const stop = async () => {
    await service.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    base: `http://127.0.0.1:${port}`,
    dataDirectory,
    boltPort,
    stop: async () => {
      forget();
      await stop();
    },
  };
}

/** Polls /health/ready every 100 ms from now until it is 200 again (bounded); resolves with when that was. */
async function readyAgainAt(base, boundMs) {
  const until = Date.now() + boundMs;
  await sleep(200);
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return Date.now();
    } catch {
      // not answering: keep polling
    }
    await sleep(100);
  }
  return undefined;
}

/**
 * The drill: `clients` readers ask `queries` round-robin from the start to the end; after `settleMs` the
 * JVM is SIGKILLed, then again `settleMs` after /health/ready is 200 again, `kills` times in all. Each read
 * carries its start and end (epoch ms) and outcome. Resolves with the reads and, per kill, its time, the
 * JVM's new pid, when readiness was 200 again and the first 200 answer after it.
 */
async function killDrill({ queries, clients = 8, kills = 2, settleMs = 15_000, timeoutMs = 30_000, log }) {
  const supervisor = [];
  const service = await startSupervisedService((line) => {
    const entry = parseLogLine(line);
    if (entry?.event === 'database.supervisor') supervisor.push({ at: Date.parse(entry.time), msg: entry.msg });
  });
  try {
    log(`kill drill: warm-up, every example once`);
    for (const query of queries) await timedGraphQL(service.url, query, timeoutMs);
    const reads = [];
    let reading = true;
    const readers = Array.from({ length: clients }, async (_, client) => {
      for (let i = client; reading; i++) {
        const startedAt = Date.now();
        const result = await timedGraphQL(service.url, queries[i % queries.length], timeoutMs);
        reads.push({ ...result, startedAt, endedAt: Date.now() });
      }
    });
    const killed = [];
    for (let k = 0; k < kills; k++) {
      await sleep(settleMs);
      // The database's JVM (serving the Bolt port), not the standby beside it.
      const pid = launcherServing(service.dataDirectory, service.boltPort);
      if (pid === undefined) throw new Error('no embedded Neo4j runs under the service');
      log(`kill drill: SIGKILL to the embedded Neo4j (pid ${pid}), ${clients} clients reading`);
      const at = Date.now();
      process.kill(pid, 'SIGKILL');
      const readyAt = await readyAgainAt(service.base, 120_000);
      killed.push({ at, readyAt });
    }
    await sleep(settleMs);
    reading = false;
    await Promise.all(readers);
    return {
      reads,
      kills: killed.map(({ at, readyAt }, index) => {
        const said = (text) => supervisor.filter((line) => line.at >= at && line.msg.includes(text))[0];
        const serving = said('serves again');
        return {
          at,
          jvmBackAfterMs: said('is back') === undefined ? undefined : said('is back').at - at,
          servingAfterMs: serving === undefined ? undefined : serving.at - at,
          // The background re-planning's words, once the reads held through the outage were answered.
          warmUp: said('re-planned')?.msg.split('in the background: ')[1],
          readyAfterMs: readyAt === undefined ? undefined : readyAt - at,
          firstOkAfterMs: firstOkAfter(reads, at),
          until: killed[index + 1]?.at ?? Infinity,
        };
      }),
    };
  } finally {
    await service.stop();
  }
}

/** A JSON log line of the service, or undefined for anything else (a line cut in two, a banner). */
function parseLogLine(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** How long after `at` the first read that was answered after it succeeded (its answer came after the kill). */
function firstOkAfter(reads, at) {
  // An answer finished within 200 ms of the kill was read from the database before it died.
  const ends = reads.filter((read) => read.outcome === 'ok' && read.endedAt > at + 200).map((read) => read.endedAt);
  return ends.length === 0 ? undefined : Math.min(...ends) - at;
}

module.exports = { killDrill };
