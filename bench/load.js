#!/usr/bin/env node
// `npm run bench:load`: a sustained mix of ordinary requests (schema/examples/) against our service, first
// alone (baseline), then with attacks beside it: a 22-fragment chain, 500 aliases of sdgCoverage, nested
// plain lists that return megabytes, and clients that send a request and never read the answer. Prints the
// bystanders' p50/p99 and every outcome by kind, attacks' outcomes apart (refusals counted as refusals).
// Loopback only; each phase stops after --duration seconds, each request after --timeout seconds, and each
// attacker after a fixed number of attempts. Then the operators' failure drill (bench/lib/kill-drill.js): a
// service on its own supervised embedded Neo4j, 8 clients reading, the JVM SIGKILLed --kills times; it reports
// when the first 200 came after each kill and every read that failed. The service's memory (RSS, and the V8
// heap's own figures beside it, from its metrics listener) is reported before the load, at the peak of RSS
// during it and after it (once it has been idle 10 s); not with --url, whose metrics are not ours to read.
// Then two memory cells (not with --url): --distinct distinct operations (bench/lib/distinct-operations.js, a
// third of them wide: each one parsed, validated, compiled and read anew), and as many requests repeating one wide
// operation; each reports RSS and heap before it, at its peak and 60 s after it. `--memory-only` runs the two
// cells alone on a service of their own (no load phases, no drill); with --docs they always go to their own block
// of docs/benchmarks.md (bench:load-memory), so either run replaces the cells and only a full run the rest.
//
// Flags: --duration <s per phase, 20> --clients <bystanders at once, 4> --timeout <s per request, 30>
//        --url <a running service's loopback /graphql URL instead of starting one> --neo4j <bolt URI to reuse>
//        --kills <SIGKILLs in the drill, 2; 0 skips it> --distinct <operations per memory cell, 1000; 0 skips them>
//        --memory-only (the memory cells alone) --docs (replace the tables in docs/benchmarks.md)
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { connect } = require('node:net');
const { join } = require('node:path');
const { MEGABYTES, aliasFlood, fragmentChain } = require('./lib/attacks');
const { distinctOperation, seededPick } = require('./lib/distinct-operations');
const { serviceAccepts } = require('./lib/service-limits');
const { killDrill } = require('./lib/kill-drill');
const { MEMORY_COLUMNS, memoryNow, memoryRow, memorySampler } = require('./lib/memory-sampler');
const { readFlags, wholeNumber } = require('./lib/flags');
const { timedGet, timedGraphQL } = require('./lib/outcome');
const { ROOT, openNeo4j, startOurService } = require('./lib/stack');
const { commandLine, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { markdownTable, percentile } = require('./lib/statistics');

const USAGE =
  'npm run bench:load -- [--duration 20] [--clients 4] [--timeout 30] [--url http://127.0.0.1:4000/graphql | --neo4j bolt://…] [--kills 2] [--distinct 1000] [--memory-only] [--docs]';
const { phaseMs, clients, timeoutMs, serviceUrl, reuseUri, kills, distinct, memoryOnly, docs } = readFlags(
  {
    duration: { type: 'string', default: '20' },
    clients: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '30' },
    url: { type: 'string', default: '' },
    neo4j: { type: 'string', default: '' },
    kills: { type: 'string', default: '2' },
    distinct: { type: 'string', default: '1000' },
    // Only the two memory cells, on a service of their own.
    'memory-only': { type: 'boolean', default: false },
    // Replace the table of docs/benchmarks.md with this run's.
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => {
    if (flags['memory-only'] && (flags.url || flags.distinct === '0')) {
      throw new Error(
        '--memory-only measures a service of its own with --distinct operations: no --url, no --distinct 0',
      );
    }
    if (flags.url && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/graphql$/.test(flags.url)) {
      throw new Error(`--url must be a loopback http://…/graphql URL, got '${flags.url}'`);
    }
    return {
      phaseMs: wholeNumber('duration', flags.duration, 1, 600) * 1000,
      clients: wholeNumber('clients', flags.clients, 1, 64),
      timeoutMs: wholeNumber('timeout', flags.timeout, 1, 120) * 1000,
      serviceUrl: flags.url || undefined,
      reuseUri: flags.neo4j || undefined,
      kills: wholeNumber('kills', flags.kills, 0, 5),
      distinct: wholeNumber('distinct', flags.distinct, 0, 100_000),
      memoryOnly: flags['memory-only'],
      docs: flags.docs,
    };
  },
);
const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ordinary traffic: every example a client of the API would send (schema/examples/). */
const EXAMPLES = readdirSync(join(ROOT, 'schema', 'examples'))
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(join(ROOT, 'schema', 'examples', file), 'utf8'));

/** The attacks: how many attackers of each kind run at once, the pause between tries, and at most how many. */
const ATTACKS = [
  { kind: 'fragment chain (22 fragments, each spread twice)', query: fragmentChain(22), at: 1, pauseMs: 2000, max: 10 },
  { kind: '500 aliases of sdgCoverage', query: aliasFlood(500), at: 1, pauseMs: 2000, max: 10 },
  { kind: 'nested plain lists (megabytes)', query: MEGABYTES, at: 2, pauseMs: 500, max: 20 },
];
const NEVER_READING_CLIENTS = 4;
/** How long the service is left idle after the load before its memory is read "after". */
const IDLE_BEFORE_AFTER_MS = 10_000;

/** Ordinary clients asking the examples round-robin until `deadline`; one entry per request. */
async function bystanders(url, deadline) {
  const results = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; Date.now() < deadline; i++) {
        results.push(await timedGraphQL(url, EXAMPLES[i % EXAMPLES.length], timeoutMs));
      }
    }),
  );
  return results;
}

/** /health/live every 250 ms until `deadline`: does the process still answer at all? */
async function livenessProbe(base, deadline) {
  const results = [];
  while (Date.now() < deadline) {
    results.push(await timedGet(`${base}/health/live`, timeoutMs));
    await sleep(250);
  }
  return results;
}

async function attacker(url, attack, deadline) {
  const results = [];
  for (let tries = 0; tries < attack.max && Date.now() < deadline; tries++) {
    results.push(await timedGraphQL(url, attack.query, timeoutMs));
    await sleep(attack.pauseMs);
  }
  return results;
}

/**
 * A client that sends a request for megabytes and never reads: its socket is paused from the start, so the
 * server's writes fill the buffers and stall. Resolves at `deadline` (socket then destroyed) with `held open`,
 * or earlier when the server closes the connection itself (`refused closed by server`).
 */
function neverReadingClient(url, deadline) {
  const { hostname, port, pathname } = new URL(url);
  const body = JSON.stringify({ query: MEGABYTES });
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host: hostname, port: Number(port) });
    const finish = (outcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ outcome, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish('held open until the end'), Math.max(0, deadline - Date.now()));
    socket.pause();
    socket.once('connect', () => {
      socket.write(
        `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
    socket.once('close', () => finish('refused closed by server'));
    socket.once('error', (error) => finish(`network ${error.code ?? error.message}`));
  });
}

async function phase(url, name, withAttacks) {
  log(`${name}: ${phaseMs / 1000} s, ${clients} ordinary clients${withAttacks ? ' and the attacks' : ''}`);
  const deadline = Date.now() + phaseMs;
  const base = url.replace(/\/graphql$/, '');
  const attacks = withAttacks
    ? [
        ...ATTACKS.flatMap((attack) =>
          Array.from({ length: attack.at }, () =>
            attacker(url, attack, deadline).then((results) => ({ kind: attack.kind, results })),
          ),
        ),
        ...Array.from({ length: NEVER_READING_CLIENTS }, () =>
          neverReadingClient(url, deadline).then((result) => ({ kind: 'never-reading client', results: [result] })),
        ),
      ]
    : [];
  const [ordinary, live, attacked] = await Promise.all([
    bystanders(url, deadline),
    livenessProbe(base, deadline),
    Promise.all(attacks),
  ]);
  return { name, ordinary, live, attacked, seconds: phaseMs / 1000 };
}

const count = (results) => {
  const byKind = new Map();
  for (const { outcome } of results) byKind.set(outcome, (byKind.get(outcome) ?? 0) + 1);
  return byKind;
};
const formatCounts = (byKind, skip) =>
  [...byKind]
    .filter(([kind]) => kind !== skip)
    .map(([kind, n]) => `${kind}: ${n}`)
    .join(', ') || 'none';
const ms = (value) =>
  Number.isNaN(value) ? '–' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;

function report(phases) {
  const ordinaryRows = phases.flatMap(({ name, ordinary, live }) =>
    [
      ['ordinary requests (examples)', ordinary],
      ['/health/live probe', live],
    ].map(([what, results]) => {
      const times = results.map((result) => result.ms);
      const byKind = count(results);
      return [
        name,
        what,
        String(results.length),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.99)),
        ms(Math.max(...times)),
        formatCounts(byKind, 'ok'),
      ];
    }),
  );
  const attackRows = phases.flatMap(({ attacked }) => {
    const byKind = new Map();
    for (const { kind, results } of attacked) byKind.set(kind, [...(byKind.get(kind) ?? []), ...results]);
    return [...byKind].map(([kind, results]) => {
      const outcomes = count(results);
      const sum = (prefix) => [...outcomes].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
      return [
        kind,
        String(results.length),
        String(outcomes.get('ok') ?? 0),
        String(sum('refused')),
        String(results.length - (outcomes.get('ok') ?? 0) - sum('refused')),
        ms(
          percentile(
            results.map((r) => r.ms),
            0.5,
          ),
        ),
        formatCounts(outcomes, 'ok'),
      ];
    });
  });
  return [
    markdownTable(['phase', 'who', 'requests', 'p50', 'p99', 'max', 'not ok, by kind'], ordinaryRows),
    '',
    'Attacks (during the second phase):',
    '',
    markdownTable(['attack', 'sent', 'answered', 'refused', 'failed / other', 'p50 time', 'outcomes'], attackRows),
  ].join('\n');
}

/** How long a memory cell's service is left idle before its memory is read "after". */
const IDLE_AFTER_CELL_MS = 60_000;

/**
 * A memory cell: `distinct` requests of `next()`'s operations, `clients` at once, with the service's memory
 * before, at the peak of RSS during it, and once idle IDLE_AFTER_CELL_MS after it.
 */
async function memoryCell(url, metricsUrl, name, next) {
  log(`memory cell "${name}": ${distinct} requests, ${clients} at once, then ${IDLE_AFTER_CELL_MS / 1000} s idle`);
  const before = await memoryNow(metricsUrl);
  const sampler = memorySampler(metricsUrl);
  const results = [];
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (sent < distinct) {
        sent += 1;
        results.push(await timedGraphQL(url, next(sent), timeoutMs));
      }
    }),
  );
  const peak = await sampler.stop();
  await sleep(IDLE_AFTER_CELL_MS);
  return { name, results, before, peak, after: await memoryNow(metricsUrl) };
}

/** The two memory cells: distinct operations, and one wide operation repeated as many times. */
async function memoryCells(url, metricsUrl) {
  const { graphSchema } = require(join(ROOT, 'dist', 'src', 'schema.js'));
  const schema = await graphSchema();
  const accepts = serviceAccepts(ROOT, schema);
  const pick = seededPick(20261127);
  const repeated = distinctOperation(schema, pick, 'repeated', { wide: true, accepts });
  return [
    await memoryCell(url, metricsUrl, 'distinct operations', (i) =>
      distinctOperation(schema, pick, `d${i}`, { wide: i % 3 === 0, accepts }),
    ),
    await memoryCell(url, metricsUrl, 'one wide operation repeated', () => repeated),
  ];
}

function memoryCellReport(cells) {
  const mib = (bytes) => `${Math.round(bytes / (1024 * 1024))} MiB`;
  return markdownTable(
    [
      'cell',
      'requests',
      'outcomes',
      'RSS before',
      'RSS peak',
      'RSS 60 s after',
      'heap before',
      'heap peak',
      'heap 60 s after',
    ],
    cells.map(({ name, results, before, peak, after }) => [
      name,
      String(results.length),
      formatCounts(count(results)),
      mib(before.rss),
      mib(peak?.rss ?? NaN),
      mib(after.rss),
      mib(before.heapUsed),
      mib(peak?.heapUsed ?? NaN),
      mib(after.heapUsed),
    ]),
  );
}

/** The memory cells' paragraph and table, as docs/benchmarks.md's bench:load-memory block has them. */
function memoryCellsText(cells) {
  return (
    `The service's memory through ${distinct} distinct operations (a third of them wide, every one new text) ` +
    `and through ${distinct} requests of one wide operation, ${clients} at once; "after" once idle ` +
    `${IDLE_AFTER_CELL_MS / 1000} s:\n\n${memoryCellReport(cells)}`
  );
}

/** The drill's clients, as in the operators' drill; they read the examples, not the one mutation. */
const DRILL_CLIENTS = 8;
const READ_EXAMPLES = EXAMPLES.filter((text) => !/^\s*mutation\b/m.test(text.replace(/^#.*$/gm, '')));

/**
 * The drill's table: per kill, when the supervisor had the JVM back and served again, what its background
 * re-planning did, the first 200 after it, and the reads answered until the next kill by outcome.
 */
function drillReport({ kills: killed, reads }) {
  const seconds = (value) => (value === undefined ? 'never' : `+${(value / 1000).toFixed(1)} s`);
  const rows = killed.map((kill, index) => {
    const during = reads.filter((read) => read.endedAt > kill.at && read.endedAt < kill.until);
    return [
      String(index + 1),
      seconds(kill.jvmBackAfterMs),
      seconds(kill.servingAfterMs),
      kill.warmUp ?? '–',
      seconds(kill.firstOkAfterMs),
      String(during.length),
      formatCounts(count(during), 'ok'),
    ];
  });
  return markdownTable(
    [
      'kill',
      'JVM back',
      'serving again',
      're-planned in the background',
      'first 200',
      'reads answered after the kill',
      'not ok, by kind',
    ],
    rows,
  );
}

/** Stops what was started, last first; each once. */
async function stopAll(started) {
  while (started.length > 0) await started.pop().stop();
}

async function main() {
  const started = [];
  try {
    let url = serviceUrl;
    let metricsUrl;
    if (!url) {
      const neo4j = await openNeo4j({ reuseUri });
      started.push(neo4j);
      log('starting our service (it seeds an empty database from seed/graph.json)…');
      // With its metrics listener, which the memory figures are read from (prom-client's default metrics).
      const ours = await startOurService(neo4j, {}, { countStatements: true });
      started.push(ours);
      url = ours.url;
      metricsUrl = ours.metricsUrl;
    }
    log('warm-up: every example once');
    for (const example of EXAMPLES) await timedGraphQL(url, example, timeoutMs);
    if (memoryOnly) {
      const cellsText = memoryCellsText(await memoryCells(url, metricsUrl));
      process.stdout.write(`${cellsText}\n`);
      if (docs)
        log(`replaced the memory cells in ${await replaceBenchmarkTable('load-memory', commandLine(), cellsText)}`);
      return;
    }
    const before = metricsUrl === undefined ? undefined : await memoryNow(metricsUrl);
    const sampler = metricsUrl === undefined ? undefined : memorySampler(metricsUrl);
    const phases = [await phase(url, 'baseline', false), await phase(url, 'under attack', true)];
    const peak = await sampler?.stop();
    if (metricsUrl !== undefined) await sleep(IDLE_BEFORE_AFTER_MS);
    const after = metricsUrl === undefined ? undefined : await memoryNow(metricsUrl);
    const cells = metricsUrl === undefined || distinct === 0 ? undefined : await memoryCells(url, metricsUrl);
    // The drill runs a service of its own: the load phases' processes are stopped first, not to share the cores.
    await stopAll(started);
    const drill =
      kills === 0 ? undefined : await killDrill({ queries: READ_EXAMPLES, clients: DRILL_CLIENTS, kills, log });
    const text =
      `${clients} ordinary clients asking the ${EXAMPLES.length} examples of schema/examples/ round-robin, ` +
      `${phaseMs / 1000} s per phase, ${timeoutMs / 1000} s client timeout.\n\n${report(phases)}` +
      (drill === undefined
        ? ''
        : `\n\nThe database killed (SIGKILL to the embedded Neo4j's JVM, ${kills} times, 15 s apart after recovery) ` +
          `under ${DRILL_CLIENTS} clients reading the ${READ_EXAMPLES.length} read examples, 10 s request budget:\n\n` +
          drillReport(drill)) +
      (before === undefined
        ? ''
        : `\n\nThe service's memory (RSS and the V8 heap's own figures) after the warm-up, at the highest RSS ` +
          `sampled every second during both phases, and after them once idle ${IDLE_BEFORE_AFTER_MS / 1000} s:\n\n` +
          markdownTable(MEMORY_COLUMNS, [
            memoryRow('before the load', before),
            memoryRow('peak', peak),
            memoryRow('after the load', after),
          ]));
    const cellsText = cells === undefined ? undefined : memoryCellsText(cells);
    process.stdout.write(`${text}\n${cellsText === undefined ? '' : `\n${cellsText}\n`}`);
    if (docs) log(`replaced the table in ${await replaceBenchmarkTable('load', commandLine(), text)}`);
    if (docs && cellsText !== undefined)
      log(`replaced the memory cells in ${await replaceBenchmarkTable('load-memory', commandLine(), cellsText)}`);
  } finally {
    await stopAll(started);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:load failed: ${error.message}\n`);
  process.exitCode = 1;
});
