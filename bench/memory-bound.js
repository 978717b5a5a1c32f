#!/usr/bin/env node
// Does the service stay within its memory whatever the traffic (issue: memory bounded by design)? The acceptance
// run. Starts the service as `npm start` runs it (dist/src/index.js, which sizes V8's heap from MEMORY_LIMIT_MB) on
// its own embedded Neo4j, then sends, at --clients at once:
//   1. --corpora corpora of --operations distinct requests each (bench/lib/distinct-operations.js), 5 in 7 valid
//      (a third of them wide: every field the limits allow; new aliases each time, so each is parsed, validated,
//      compiled and read anew) and 2 in 7 hostile (too deep, too costly, too many aliases or tokens, unknown
//      fields, broken syntax, arguments too long, bad variables: every one must be refused with a 4xx; and
//      fragment chains doubling at each step, valid, answered, tallied as `chain`). With
//      --shapes n, a corpus's valid operations are new texts of n operations drawn for it (sameStatementsVariant:
//      names, aliases, order, fragments differ; the statements do not), so the database plans n shapes rather
//      than one per operation and a corpus of thousands takes minutes; --shapes 0 makes every one new;
//   2. --expensive seconds of expensive but valid operations (new wide ones and the IDE's examples);
// then leaves it idle --idle seconds. The service's RSS is read from /proc every 250 ms throughout, its heap
// from its metrics listener every second. Prints the RSS and heap at the start (after the examples ran once),
// the peak of each phase and the end, every outcome by kind and HTTP status, where the RSS is at the start and the
// end (/proc's kinds of mapping beside V8's spaces: what stays after the idle), and the verdicts: peak RSS within
// the limit, RSS after the idle within 25 % of the start, no 5xx but 503 SERVICE_BUSY, no INTERNAL_SERVER_ERROR,
// every hostile request refused with a 4xx (or SERVICE_BUSY), and no request left to time out (the client's
// timeout or the service's REQUEST_TIMEOUT): what is turned away says SERVICE_BUSY.
//
// Flags: --operations <per corpus, 3000> --corpora <3> --shapes <per corpus, 100; 0: all new> --clients <16>
//        --expensive <s, 60> --idle <s, 60>
//        --memory-limit <MiB for MEMORY_LIMIT_MB; unset: the service's default, 512 without a container limit>
//        --neo4j <bolt URI to reuse> --seed <corpora's seed, 20261127> --timeout <s per request, 30>
// Exit status 1 when a verdict fails.
'use strict';
const { readFileSync, readdirSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const {
  distinctOperation,
  hostileRequest,
  roomForExtras,
  sameStatementsVariant,
  seededPick,
} = require('./lib/distinct-operations');
const { readFlags, wholeNumber } = require('./lib/flags');
const { heapSpaces, memoryNow } = require('./lib/memory-sampler');
const { residentByKind } = require('./lib/resident-memory');
const { timedGraphQL } = require('./lib/outcome');
const { serviceAccepts } = require('./lib/service-limits');
const { ROOT, openNeo4j, startOurService } = require('./lib/stack');
const { markdownTable } = require('./lib/statistics');

const USAGE =
  'node bench/memory-bound.js [--operations 3000] [--corpora 3] [--shapes 100] [--clients 16] [--expensive 60] [--idle 60] [--memory-limit MiB] [--neo4j bolt://…] [--seed n] [--timeout 30]';
const flags = readFlags(
  {
    operations: { type: 'string', default: '3000' },
    corpora: { type: 'string', default: '3' },
    shapes: { type: 'string', default: '100' },
    clients: { type: 'string', default: '16' },
    expensive: { type: 'string', default: '60' },
    idle: { type: 'string', default: '60' },
    'memory-limit': { type: 'string', default: '' },
    neo4j: { type: 'string', default: '' },
    seed: { type: 'string', default: '20261127' },
    timeout: { type: 'string', default: '30' },
  },
  USAGE,
  (values) => ({
    operations: wholeNumber('operations', values.operations, 1, 100_000),
    corpora: wholeNumber('corpora', values.corpora, 1, 20),
    shapes: wholeNumber('shapes', values.shapes, 0, 100_000),
    clients: wholeNumber('clients', values.clients, 1, 256),
    expensiveMs: wholeNumber('expensive', values.expensive, 0, 3600) * 1000,
    idleMs: wholeNumber('idle', values.idle, 0, 3600) * 1000,
    memoryLimitMb: values['memory-limit'] ? wholeNumber('memory-limit', values['memory-limit'], 192, 65536) : undefined,
    reuseUri: values.neo4j || undefined,
    seed: wholeNumber('seed', values.seed, 0, 2 ** 31),
    timeoutMs: wholeNumber('timeout', values.timeout, 1, 120) * 1000,
  }),
);
const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MIB = 1024 * 1024;
/** The machine's load average (1, 5, 15 min) when the run began: timings depend on it, memory figures hardly. */
const loadStart = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
/** What the service plans for without MEMORY_LIMIT_MB or a container limit (src/core/memory-limit.ts). */
const DEFAULT_LIMIT_MB = 512;

const EXAMPLES = readdirSync(join(ROOT, 'schema', 'examples'))
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => readFileSync(join(ROOT, 'schema', 'examples', file), 'utf8'))
  .filter((text) => !/^\s*mutation\b/m.test(text.replace(/^#.*$/gm, '')));

/** The resident memory of process `pid` in bytes, from /proc (no request to a service that may be refusing). */
function rssOf(pid) {
  const found = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return found ? Number(found[1]) * 1024 : NaN;
}

/** RSS every 250 ms and the heap every second, into `samples` ({ at, phase, rss, heapUsed? }), until stopped. */
function sampler(pid, metricsUrl) {
  const samples = [];
  let phase = 'start';
  let stopped = false;
  const rssLoop = (async () => {
    while (!stopped) {
      samples.push({ at: Date.now(), phase, rss: rssOf(pid) });
      await sleep(250);
    }
  })();
  const heapLoop = (async () => {
    while (!stopped) {
      try {
        const { heapUsed, rss } = await memoryNow(metricsUrl);
        samples.push({ at: Date.now(), phase, rss, heapUsed });
      } catch {
        // the listener was busy past the timeout; the next second tries again
      }
      await sleep(1000);
    }
  })();
  return {
    samples,
    enter: (name) => (phase = name),
    stop: async () => {
      stopped = true;
      await Promise.all([rssLoop, heapLoop]);
    },
  };
}

/** How often a phase says how far it got (answers). */
const PROGRESS_EVERY = 100;

/**
 * Sends `next()`'s requests (`{ kind, query, variables? }`, kind `valid` or `hostile`) with `clients` at once until
 * it returns undefined or `deadline`; outcomes tallied by kind, HTTP status and outcome. Every PROGRESS_EVERY
 * answers, a line with the count and the service's RSS (`pid`).
 */
/** The messages of the failed answers' errors, with how often each came, over the whole run. */
const failureMessages = new Map();

async function send(url, next, tally, deadline = Infinity, pid = undefined) {
  let answered = 0;
  await Promise.all(
    Array.from({ length: flags.clients }, async () => {
      for (let request = next(); request !== undefined && Date.now() < deadline; request = next()) {
        const { outcome, status, failures } = await timedGraphQL(
          url,
          request.query,
          flags.timeoutMs,
          request.variables,
        );
        const key = `${request.kind} ${status} ${outcome}`;
        for (const message of failures) failureMessages.set(message, (failureMessages.get(message) ?? 0) + 1);
        if (status === 0 && request.kind !== 'valid')
          log(
            `  ${outcome} on ${request.kind} ${request.query.slice(0, 80)} (variables ${JSON.stringify(request.variables)?.length ?? 0} characters)`,
          );
        tally.set(key, (tally.get(key) ?? 0) + 1);
        answered += 1;
        if (pid !== undefined && answered % PROGRESS_EVERY === 0)
          log(`  ${answered} answered, RSS ${Math.round(rssOf(pid) / MIB)} MiB`);
      }
    }),
  );
}

/** A valid request of `query`. */
const valid = (query) => ({ kind: 'valid', query });

/**
 * Corpus `c`'s request `i`: 2 in 7 hostile (hostileRequest), the others valid, a third of those wide. With
 * --shapes, the valid ones are new texts of the corpus's `shapes` (sameStatementsVariant), else new operations.
 */
function corpus(c, schema, pick, accepts) {
  const shapes = Array.from({ length: flags.shapes }, (_, i) => {
    const query = distinctOperation(schema, pick, `c${c}s${i}`, { wide: i % 3 === 0, accepts });
    return { query, extras: roomForExtras(query, { accepts }) };
  });
  return (i) => {
    if (pick(7) < 2) {
      const { refused, ...request } = hostileRequest(pick, `c${c}h${i}`);
      // A fragment chain is valid and answered (its spreads merged): "hostile" are the ones to be refused.
      return { kind: refused ? 'hostile' : 'chain', ...request };
    }
    if (shapes.length === 0)
      return valid(distinctOperation(schema, pick, `c${c}v${i}`, { wide: pick(3) === 0, accepts }));
    const shape = shapes[pick(shapes.length)];
    return valid(sameStatementsVariant(shape.query, pick, `c${c}v${i}`, { extras: shape.extras }));
  };
}

function counted(n, make) {
  let i = 0;
  return () => (i < n ? make(i++) : undefined);
}

async function main() {
  const { graphSchema } = require(join(ROOT, 'dist', 'src', 'schema.js'));
  const schema = await graphSchema();
  const accepts = serviceAccepts(ROOT, schema);
  const pick = seededPick(flags.seed);
  const limitMb = flags.memoryLimitMb ?? DEFAULT_LIMIT_MB;
  const neo4j = await openNeo4j({ reuseUri: flags.reuseUri });
  let service;
  try {
    service = await startOurService(
      neo4j,
      {
        // The response cache as `npm start` has it (on, its default size): it is one of the caches bounded.
        RESPONSE_CACHE_MAX_MB: '32',
        ...(flags.memoryLimitMb ? { MEMORY_LIMIT_MB: String(flags.memoryLimitMb) } : {}),
      },
      { countStatements: true },
    );
    const warm = new Map();
    await send(
      service.url,
      counted(EXAMPLES.length, (i) => valid(EXAMPLES[i])),
      warm,
    );
    await sleep(5000);
    const watch = sampler(service.pid, service.metricsUrl);
    await sleep(2000);
    const where = [['start', await whereMemoryIs(service.pid, service.metricsUrl)]];
    const phases = Array.from({ length: flags.corpora }, (_, c) => [
      `corpus ${c + 1}`,
      corpus(c + 1, schema, pick, accepts),
    ]);
    const tallies = new Map();
    for (const [name, make] of phases) {
      log(`${name}: ${flags.operations} distinct requests, ${flags.clients} at once`);
      watch.enter(name);
      const tally = new Map();
      tallies.set(name, tally);
      await send(service.url, counted(flags.operations, make), tally, Infinity, service.pid);
    }
    log(`expensive: ${flags.expensiveMs / 1000} s of new wide operations and the examples, ${flags.clients} at once`);
    watch.enter('expensive');
    const expensive = new Map();
    tallies.set('expensive', expensive);
    let turn = 0;
    await send(
      service.url,
      () => {
        turn += 1;
        return valid(
          turn % 2
            ? distinctOperation(schema, pick, `x${turn}`, { wide: true, accepts })
            : EXAMPLES[turn % EXAMPLES.length],
        );
      },
      expensive,
      Date.now() + flags.expensiveMs,
      service.pid,
    );
    log(`idle: ${flags.idleMs / 1000} s`);
    watch.enter('idle');
    await sleep(flags.idleMs);
    watch.enter('end');
    await sleep(1500);
    where.push(['end', await whereMemoryIs(service.pid, service.metricsUrl)]);
    await watch.stop();
    return report(watch.samples, tallies, limitMb, where);
  } finally {
    await service?.stop();
    await neo4j.stop();
  }
}

/** The V8 spaces shown on their own in "where the RSS is"; the others are summed as "other spaces". */
const SPACES_SHOWN = ['old', 'code', 'new', 'large_object'];

/** What holds the service's RSS now: /proc's kinds of mapping beside V8's spaces and external memory. */
async function whereMemoryIs(pid, metricsUrl) {
  const [spaces, figures] = await Promise.all([heapSpaces(metricsUrl), memoryNow(metricsUrl)]);
  return { rss: rssOf(pid), ...residentByKind(pid), spaces, external: figures.external };
}

function whereTable(where, mib) {
  return markdownTable(
    ['when', 'RSS', 'malloc [heap]', 'anonymous', 'files', 'V8 committed', ...SPACES_SHOWN, 'other spaces', 'external'],
    where.map(([when, at]) => {
      const spaces = Object.entries(at.spaces);
      const size = (list) => list.reduce((sum, [, space]) => sum + space.size, 0);
      return [
        when,
        mib(at.rss),
        mib(at.brkHeap),
        mib(at.anonymous),
        mib(at.files),
        mib(size(spaces)),
        ...SPACES_SHOWN.map((name) => `${mib(at.spaces[name]?.size)} (${mib(at.spaces[name]?.used)} used)`),
        mib(size(spaces.filter(([name]) => !SPACES_SHOWN.includes(name)))),
        mib(at.external),
      ];
    }),
  );
}

function report(samples, tallies, limitMb, where) {
  const mib = (bytes) => (bytes === undefined || Number.isNaN(bytes) ? '–' : `${Math.round(bytes / MIB)} MiB`);
  const of = (phase) => samples.filter((sample) => sample.phase === phase);
  const peak = (list, key) => list.reduce((max, sample) => Math.max(max, sample[key] ?? 0), 0) || undefined;
  const startRss = of('start')[0]?.rss;
  const endSamples = of('end');
  const endRss = endSamples.at(-1)?.rss;
  const phaseNames = ['start', ...tallies.keys(), 'idle', 'end'];
  const rows = phaseNames.map((phase) => {
    const list = of(phase);
    return [
      phase,
      mib(peak(list, 'rss')),
      mib(peak(list, 'heapUsed')),
      mib(list.at(-1)?.rss),
      mib(list.filter((s) => s.heapUsed).at(-1)?.heapUsed),
    ];
  });
  const outcomeRows = [...tallies].map(([phase, tally]) => [
    phase,
    String([...tally.values()].reduce((a, b) => a + b, 0)),
    [...tally]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${kind}: ${n}`)
      .join(', '),
  ]);
  const all = [...tallies.values()].flatMap((tally) => [...tally]);
  const serverErrors = all.filter(([kind]) => / 5\d\d /.test(kind) && !/ 503 refused SERVICE_BUSY$/.test(kind));
  const internal = all.filter(([kind]) => /INTERNAL_SERVER_ERROR|failed| 0 /.test(kind));
  const hostileLetThrough = all.filter(
    ([kind]) => kind.startsWith('hostile ') && !/^hostile (4\d\d refused|503 refused SERVICE_BUSY$)/.test(kind),
  );
  const timedOut = all.filter(([kind]) => / timeout$|REQUEST_TIMEOUT/.test(kind));
  const busy = all.filter(([kind]) => /SERVICE_BUSY/.test(kind));
  const sum = (list) => list.reduce((n, [, c]) => n + c, 0);
  const peakRss = peak(samples, 'rss');
  const verdicts = [
    [`peak RSS ${mib(peakRss)} ≤ ${limitMb} MiB`, peakRss <= limitMb * MIB],
    [
      `RSS after the idle ${mib(endRss)} within 25 % of the start ${mib(startRss)} (${(endRss / startRss).toFixed(2)} times)`,
      endRss <= startRss * 1.25,
    ],
    [`no 5xx but 503 SERVICE_BUSY (${sum(serverErrors)})`, serverErrors.length === 0],
    [`no INTERNAL_SERVER_ERROR, failure or dropped connection (${sum(internal)})`, internal.length === 0],
    [
      `every hostile request refused with a 4xx or SERVICE_BUSY (${sum(hostileLetThrough)} not)`,
      hostileLetThrough.length === 0,
    ],
    [
      `refusals say SERVICE_BUSY (${sum(busy)}), none timed out (client timeout or REQUEST_TIMEOUT: ${sum(timedOut)})`,
      timedOut.length === 0,
    ],
  ];
  process.stdout.write(
    [
      `MEMORY_LIMIT_MB ${flags.memoryLimitMb ?? `unset (${DEFAULT_LIMIT_MB})`}, ${flags.corpora} corpora of ${flags.operations} requests (2 in 7 hostile; valid ones over ${flags.shapes || 'no shared'} statement shapes per corpus), ${flags.clients} clients, ${flags.expensiveMs / 1000} s expensive, ${flags.idleMs / 1000} s idle; load average ${loadStart} at the start, ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} at the end`,
      '',
      markdownTable(['phase', 'peak RSS', 'peak heap used', 'RSS at its end', 'heap used at its end'], rows),
      '',
      markdownTable(['phase', 'requests', 'outcomes (valid or hostile, HTTP status, outcome)'], outcomeRows),
      '',
      whereTable(where, mib),
      '',
      ...(failureMessages.size === 0
        ? []
        : [
            'failed answers, by message:',
            ...[...failureMessages]
              .sort((a, b) => b[1] - a[1])
              .map(([message, n]) => `  ${n} × ${message.slice(0, 300)}`),
            '',
          ]),
      ...verdicts.map(([what, ok]) => `${ok ? 'ok  ' : 'FAIL'} ${what}`),
      '',
    ].join('\n'),
  );
  return verdicts.every(([, ok]) => ok);
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
