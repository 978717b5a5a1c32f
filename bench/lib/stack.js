'use strict';
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { onInterrupt, startNodeProcess } = require('./children');
const { freePort } = require('./free-port');

/** The repository root; the service is run from its compiled form (`npm run build`), as `npm start` does. */
const ROOT = join(__dirname, '..', '..');
const SERVICE_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
/** How long the embedded Neo4j and our service (seeding an empty database) may each take to be ready. */
const SERVICE_READY_TIMEOUT_MS = 600_000;

/**
 * The one Neo4j every system under test reads. With `reuseUri` (e.g. the database of a running `npm start`,
 * credentials from NEO4J_USER / NEO4J_PASSWORD) nothing is started; otherwise the project's embedded Neo4j
 * runs in a fresh temporary directory with a random password and is removed afterwards. It is seeded from
 * seed/graph.json by the service's own start-up (seed when empty), not by the benchmark. `pid` is the
 * database's process when it was started here (undefined when reused), for reading its CPU time.
 */
async function openNeo4j({ reuseUri } = {}) {
  if (reuseUri) {
    if (!/^bolt:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(reuseUri)) {
      throw new Error(`--neo4j must be a loopback bolt:// URI, got '${reuseUri}'`);
    }
    return {
      uri: reuseUri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      stop: async () => undefined,
    };
  }
  if (!existsSync(SERVICE_ENTRY)) throw new Error('dist/ is missing: run `npm run build` first');
  const { EmbeddedNeo4j } = require(join(ROOT, 'dist', 'src', 'db', 'embedded-neo4j.js'));
  const dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-bench-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const started = Date.now();
  const neo4j = await EmbeddedNeo4j.start({
    port: await freePort(),
    dataDirectory,
    heapMb: 1024,
    pageCacheMb: 128,
    // Its 3 min default was not enough on a 2-core machine shared with other work (load average 30).
    startTimeoutMs: SERVICE_READY_TIMEOUT_MS,
    password,
    log: () => undefined,
  });
  process.stderr.write(`embedded Neo4j ready at ${neo4j.boltUri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const stop = async () => {
    await neo4j.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  return {
    uri: neo4j.boltUri,
    user: 'neo4j',
    password,
    pid: neo4j.pid,
    stop: async () => {
      forget();
      await stop();
    },
  };
}

/**
 * Our service exactly as `npm start` runs it (dist/src/index.js, configured only by environment variables),
 * pointed at `neo4j`, on a free loopback port, in production as it is deployed (docker-compose.yml); the
 * systems compared with it run in production too. Production answers do not report their statements
 * (`extensions.cypher`): with `countStatements` its metrics listen on a port of their own (`metricsUrl`, for
 * statement-count.js), which the deployed service does not do, so timed cells use an instance without.
 * Its response cache is off (RESPONSE_CACHE_MAX_MB=0) unless `extraEnv` turns it on: the benchmarks time
 * what each request costs, and the systems compared with ours have no such cache.
 * `entry` runs another checkout's build instead (compare.js --baseline); `preload` adds modules for node's `-r`
 * (request-phases.js's profiler). Resolves once /health/ready is 200 (the graph is loaded by then).
 */
async function startOurService(
  neo4j,
  extraEnv = {},
  { countStatements = false, entry = SERVICE_ENTRY, preload = [] } = {},
) {
  const port = await freePort();
  const metricsPort = countStatements ? await freePort() : undefined;
  const server = await startNodeProcess({
    name: entry === SERVICE_ENTRY ? 'ours' : 'base',
    args: ['-r', join(__dirname, 'loopback-only.js'), ...preload.flatMap((module) => ['-r', module]), entry],
    env: {
      PORT: String(port),
      ...(metricsPort ? { METRICS_PORT: String(metricsPort) } : {}),
      NODE_ENV: 'production',
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      RESPONSE_CACHE_MAX_MB: '0',
      ...extraEnv,
    },
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
    // A fresh database is seeded before the service says it is ready: on a 2-core machine shared with other work
    // (load average 35) that took more than the default 3 min.
    timeoutMs: SERVICE_READY_TIMEOUT_MS,
    quiet: true,
  });
  return {
    ...server,
    url: `http://127.0.0.1:${port}/graphql`,
    metricsUrl: metricsPort ? `http://127.0.0.1:${metricsPort}/metrics` : undefined,
  };
}

module.exports = { ROOT, openNeo4j, startOurService };
