#!/usr/bin/env node
// Where one request's time goes in our service, by phase: HTTP and body, parse, validate, Apollo's pipeline,
// plugins, execute (the database driver apart), serialize, send, the access line, garbage collection.
// Starts Neo4j and our service as `npm run bench` does (production, response cache off), loads it with one
// question at a time, and records a V8 CPU profile of exactly the timed window in the service's main thread
// (bench/lib/cpu-profile-on-signal.js). Each sample is given to the phase of the innermost frame whose code
// belongs to one (leaf to root: a driver call made by a resolver is the driver's, a JSON.stringify made by the
// serializer is serialize), and the table gives µs of the service's main thread per request. Idle samples
// (waiting for Neo4j or the client) are left out; `other` is code no rule names (node's event loop, timers).
//
// Flags: --only <floor,Q1,Q2,nested-aggregate> --concurrency <1> --duration <s, 6> --warmup <s, 6>
//        --neo4j <bolt URI to reuse> --baseline <another checkout, built: profiled instead of this one>
//        --save <directory: each question's profile kept as <id>.cpuprofile, for Chrome's DevTools>
//        --peer (also @neo4j/graphql, as `npm run bench` runs it, on its form of each question, in columns beside
//        ours: the same profiler and phases, so what a request costs each is read side by side) --docs
'use strict';
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { readFlags, wholeNumber } = require('./lib/flags');
const { loadCell } = require('./lib/load-cell');
const { cpuMeter } = require('./lib/process-cpu');
const { QUESTIONS } = require('./lib/questions');
const { openNeo4j, startOurService } = require('./lib/stack');
const { startNeo4jGraphQL } = require('./lib/reference-systems');
const { commandLine, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { fixed, markdownTable } = require('./lib/statistics');

const FLOOR = {
  id: 'floor',
  title: 'bare request `{ __typename }`',
  ours: { query: '{ __typename }' },
  ng: { query: '{ __typename }' },
};
const USAGE =
  'node bench/request-phases.js [--only floor,Q1,Q2,nested-aggregate] [--concurrency 1] [--duration 6] ' +
  '[--warmup 6] [--neo4j bolt://…] [--baseline ../other-checkout] [--save profiles/] [--peer] [--docs]';
const { seconds, warmup, connections, questions, reuseUri, entry, save, peer, docs } = readFlags(
  {
    only: { type: 'string', default: 'floor,Q1,Q2,nested-aggregate' },
    concurrency: { type: 'string', default: '1' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '6' },
    neo4j: { type: 'string', default: '' },
    baseline: { type: 'string', default: '' },
    save: { type: 'string', default: '' },
    peer: { type: 'boolean', default: false },
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => ({
    seconds: wholeNumber('duration', flags.duration, 1, 120),
    warmup: wholeNumber('warmup', flags.warmup, 0, 600),
    connections: wholeNumber('concurrency', flags.concurrency, 1, 256),
    questions: flags.only.split(',').map((id) => {
      const known = [FLOOR, ...QUESTIONS];
      const found = known.find((question) => question.id.toLowerCase() === id.trim().toLowerCase());
      if (!found) throw new Error(`--only: no question '${id}'; known: ${known.map((q) => q.id).join(', ')}`);
      return found;
    }),
    reuseUri: flags.neo4j || undefined,
    entry: flags.baseline ? baselineEntry(flags.baseline, flags.docs) : undefined,
    save: flags.save ? resolve(flags.save) : undefined,
    peer: flags.peer,
    docs: flags.docs,
  }),
);

function baselineEntry(checkout, toDocs) {
  if (toDocs) throw new Error('--baseline and --docs: the profile in docs/benchmarks.md is of this checkout');
  const path = resolve(checkout, 'dist', 'src', 'index.js');
  if (!existsSync(path)) throw new Error(`--baseline: ${path} is missing; run \`npm run build\` in that checkout`);
  return path;
}

/**
 * The phases, each with what names its code: a part of a script's URL. The first rule that names a frame
 * decides it; frames no rule names (node's sockets, streams, events, timers, async plumbing) pass the sample
 * on to their caller, so a socket write is the driver's when the driver made it and `send` when node:http did.
 */
const PHASES = [
  ['garbage collection', (frame) => frame.functionName === '(garbage collector)'],
  ['parse', (frame) => frame.url.includes('/graphql/language/') || frame.url.includes('document-store')],
  [
    'validate',
    (frame) =>
      frame.url.includes('/graphql/validation/') ||
      frame.url.includes('/platform/graphql/limits/') ||
      frame.url.includes('/graphql-armor') ||
      frame.url.includes('.rule.js'),
  ],
  ['execute: database driver', (frame) => frame.url.includes('/neo4j-driver')],
  [
    'execute',
    (frame) =>
      [
        '/graphql/execution/',
        '/graphql-jit/',
        '/type-graphql/',
        '/dataloader/',
        '/dist/src/read/',
        // The peer's (--peer): its translation to Cypher and its resolvers.
        '/@neo4j/graphql/',
        '/graphql-compose/',
      ].some((part) => frame.url.includes(part)) ||
      frame.url.includes('/dist/src/graph/') ||
      frame.url.includes('/dist/src/model/') ||
      frame.url.includes('/platform/graphql/executor/'),
  ],
  ['serialize', (frame) => frame.url.includes('result-serializer') || frame.url.includes('response-size-limit')],
  ['access line', (frame) => /access-log|\/pino|sonic-boom|thread-stream/.test(frame.url)],
  [
    'plugins',
    (frame) => frame.url.includes('/platform/plugins/') || /@apollo\/server\/dist\/\w+\/plugin\//.test(frame.url),
  ],
  ['Apollo pipeline', (frame) => frame.url.includes('/@apollo/')],
  [
    'send',
    (frame) =>
      frame.url.includes('/compression/') ||
      frame.url === 'node:zlib' ||
      frame.url === 'node:_http_outgoing' ||
      frame.url.includes('/dist/src/platform/http/send'),
  ],
  [
    'HTTP and body',
    (frame) =>
      /^node:_http_(server|common|incoming)$/.test(frame.url) ||
      frame.url.includes('/dist/src/platform/http/') ||
      frame.url.includes('/dist/src/server.js') ||
      frame.url.includes('/vary/') ||
      frame.url.includes('/fresh/'),
  ],
];
const OTHER = 'other (event loop, timers, V8)';
const ROWS = [...PHASES.map(([name]) => name), OTHER];

/** µs of the main thread per request by phase, from a .cpuprofile and the requests answered while it ran. */
function phasesOf(profile, requests) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const phaseOfNode = new Map();
  const phaseOf = (id) => {
    if (phaseOfNode.has(id)) return phaseOfNode.get(id);
    const frame = byId.get(id).callFrame;
    let phase;
    if (frame.functionName === '(idle)') phase = 'idle';
    else if (frame.functionName === '(program)' || frame.functionName === '(root)') phase = OTHER;
    else {
      phase = PHASES.find(([, names]) => names(frame))?.[0];
      if (!phase) phase = parentOf.has(id) ? phaseOf(parentOf.get(id)) : OTHER;
    }
    phaseOfNode.set(id, phase);
    return phase;
  };
  const us = Object.fromEntries([...ROWS, 'idle'].map((name) => [name, 0]));
  profile.samples.forEach((id, i) => (us[phaseOf(id)] += profile.timeDeltas[i + 1] ?? 0));
  return Object.fromEntries(Object.entries(us).map(([name, total]) => [name, total / requests]));
}

const CPU_PROFILE_PATH = join(mkdtempSync(join(tmpdir(), 'honjo-phases-')), 'window.cpuprofile');
const log = (line) => process.stderr.write(`${line}\n`);

async function waitForFile(path) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (existsSync(path)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the service wrote no CPU profile within 30 s');
}

async function profileQuestion(service, question, system = 'ours') {
  const body = JSON.stringify({ query: question[system].query });
  if (warmup > 0) await loadCell({ url: service.url, body, connections, seconds: warmup });
  rmSync(CPU_PROFILE_PATH, { force: true });
  process.kill(service.pid, 'SIGUSR2');
  await new Promise((done) => setTimeout(done, 200));
  const meter = cpuMeter({ service: service.pid });
  const result = await loadCell({ url: service.url, body, connections, seconds });
  const cpu = meter.stop(result.requests);
  process.kill(service.pid, 'SIGUSR2');
  await waitForFile(CPU_PROFILE_PATH);
  if (save) {
    mkdirSync(save, { recursive: true });
    copyFileSync(CPU_PROFILE_PATH, join(save, `${question.id}${system === 'ours' ? '' : `.${system}`}.cpuprofile`));
  }
  const profile = JSON.parse(readFileSync(CPU_PROFILE_PATH, 'utf8'));
  // The profile runs a little longer than the load (the signals' round trips): its idle ends are left out.
  const phases = phasesOf(profile, result.requests);
  log(
    `  ${question.id} (${system}): ${result.rps.toFixed(0)} req/s, ${cpu.service.toFixed(3)} ms CPU per request (/proc)`,
  );
  return { question, system, result, cpu: cpu.service, phases };
}

function report(runs) {
  const header = [
    'phase (µs per request)',
    ...runs.map(({ question, system }) => (system === 'ours' ? question.title : `${question.id}: ${system}`)),
  ];
  const busy = (run) => ROWS.reduce((sum, name) => sum + run.phases[name], 0);
  const rows = ROWS.map((name) => [
    name,
    ...runs.map((run) => `${fixed(run.phases[name], 0)} (${fixed((100 * run.phases[name]) / busy(run), 0)} %)`),
  ]);
  rows.push(['main thread busy, all phases', ...runs.map((run) => fixed(busy(run), 0))]);
  rows.push(['process CPU (/proc, all threads)', ...runs.map((run) => fixed(run.cpu * 1000, 0))]);
  rows.push(['req/s while profiled', ...runs.map((run) => fixed(run.result.rps, 0))]);
  return [
    `Phases of one request in our service${peer ? ' and, beside each question, in @neo4j/graphql (ng)' : ''} ` +
      `at c=${connections}, ${seconds} s per question after ${warmup} s of warm-up, ` +
      `a V8 sample every 100 µs of the main thread; load average ${loadAverage()} when it started.`,
    "Each sample goes to the innermost frame a phase names (a driver call made by a resolver is the driver's);",
    'the profiler itself adds to every row, so read the shares, and compare runs of the same script.',
    '',
    markdownTable(header, rows),
  ].join('\n');
}

function loadAverage() {
  try {
    return execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

async function main() {
  const started = [];
  try {
    const neo4j = await openNeo4j({ reuseUri });
    started.push(neo4j);
    const service = await startOurService(
      neo4j,
      { CPU_PROFILE_PATH },
      { preload: [join(__dirname, 'lib', 'cpu-profile-on-signal.js')], ...(entry ? { entry } : {}) },
    );
    started.push(service);
    const ng = peer
      ? await startNeo4jGraphQL(neo4j, { CPU_PROFILE_PATH }, [join(__dirname, 'lib', 'cpu-profile-on-signal.js')])
      : undefined;
    if (ng) started.push(ng);
    const runs = [];
    for (const question of questions) {
      runs.push(await profileQuestion(service, question));
      if (ng) runs.push(await profileQuestion(ng, question, 'ng'));
    }
    const text = report(runs);
    process.stdout.write(`${text}\n`);
    if (docs) log(`replaced the profile in ${await replaceBenchmarkTable('phases', commandLine(), text)}`);
  } finally {
    for (const part of started.reverse()) await part.stop();
    rmSync(join(CPU_PROFILE_PATH, '..'), { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`request-phases failed: ${error.message}\n`);
  process.exitCode = 1;
});
