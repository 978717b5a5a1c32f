#!/usr/bin/env node
// `npm run bench`: our service vs @neo4j/graphql 7 vs raw Cypher over HTTP, on one Neo4j with the same data.
// Every system's answer to every question is checked equal before anything is timed; then each
// (question, concurrency) cell is timed with autocannon, the systems alternated (rotating order) in rounds,
// and the medians over rounds compared. Loopback only; every loop is bounded by --rounds and --duration.
// Ours runs with its response cache off (RESPONSE_CACHE_MAX_MB=0, bench/lib/stack.js): every request it times
// reaches the database, as every request of the other systems does.
//
// Flags: --duration <s per cell, 3> --rounds <5> --warmup <most s per system and question, 120>
//        --concurrency <list, 1,16> --only <question ids, e.g. Q1,Q4> --neo4j <bolt URI to reuse>
//        --baseline <checkout of another commit, built>: that commit's service runs as a fourth system, `base`,
//        in the same rounds, so "performance must not move" is read as ours ÷ base from one run on one machine
//        (ratios against ng from runs on different machines, or days, moved by up to 20 % with no code change).
'use strict';
const { existsSync } = require('node:fs');
const { cpus } = require('node:os');
const { resolve } = require('node:path');
const { readFlags, wholeNumber } = require('./lib/flags');
const { loadCell } = require('./lib/load-cell');
const { cpuMeter } = require('./lib/process-cpu');
const { QUESTIONS, canonical, firstDifference } = require('./lib/questions');
const { startNeo4jGraphQL, startRawCypher } = require('./lib/reference-systems');
const { openNeo4j, startOurService } = require('./lib/stack');
const { statementsOf } = require('./lib/statement-count');
const { commandLine, commit, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { fixed, markdownTable, median, ratio } = require('./lib/statistics');

const USAGE =
  'npm run bench -- [--duration 3] [--rounds 5] [--warmup 120] [--concurrency 1,16] [--only Q1,Q4] [--neo4j bolt://…] ' +
  '[--baseline ../other-checkout] [--docs]';
const { seconds, rounds, warmup, concurrencies, questions, reuseUri, baseline, docs } = readFlags(
  {
    duration: { type: 'string', default: '3' },
    // Five, not three: on a shared machine a burst of other work can slow a whole cell, and the median of
    // five rounds stands with two such cells where the median of three falls with two.
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '120' },
    concurrency: { type: 'string', default: '1,16' },
    only: { type: 'string', default: '' },
    neo4j: { type: 'string', default: '' },
    baseline: { type: 'string', default: '' },
    // Replace the table of docs/benchmarks.md with this run's (only for a run meant as the current figures).
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => ({
    seconds: wholeNumber('duration', flags.duration, 1, 120),
    rounds: wholeNumber('rounds', flags.rounds, 1, 20),
    warmup: wholeNumber('warmup', flags.warmup, 0, 600),
    concurrencies: flags.concurrency.split(',').map((c) => wholeNumber('concurrency', c, 1, 256)),
    questions: flags.only
      ? flags.only.split(',').map((id) => {
          const found = QUESTIONS.find((question) => question.id.toLowerCase() === id.trim().toLowerCase());
          if (!found) throw new Error(`--only: no question '${id}'; known: ${QUESTIONS.map((q) => q.id).join(', ')}`);
          return found;
        })
      : QUESTIONS,
    reuseUri: flags.neo4j || undefined,
    baseline: flags.baseline ? baselineEntry(flags.baseline) : undefined,
    docs: flags.docs,
  }),
);

/** The compiled service of the checkout --baseline names, and that checkout's commit (the table names it so). */
function baselineEntry(checkout) {
  const entry = resolve(checkout, 'dist', 'src', 'index.js');
  if (!existsSync(entry)) throw new Error(`--baseline: ${entry} is missing; run \`npm run build\` in that checkout`);
  return { entry, commit: commit(resolve(checkout)) };
}

const SYSTEMS = baseline ? ['ours', 'base', 'ng', 'raw'] : ['ours', 'ng', 'raw'];
/**
 * What a GraphQL request costs each service before it asks the database anything: the HTTP server, Apollo's
 * pipeline and, for ours, what every answer carries (its access line, request id, ETag, CORS and compression
 * headers, size and time limits). Timed beside the questions, so a question whose own work is small (the
 * search) can be read against it.
 */
const FLOOR_SYSTEMS = SYSTEMS.filter((system) => system !== 'raw');
const FLOOR_BODY = JSON.stringify({ query: '{ __typename }' });
const log = (line) => process.stderr.write(`${line}\n`);

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** What each system is sent for a question: the URL and the JSON body. */
function requestFor(system, question, urls) {
  if (system === 'ours' || system === 'base') {
    return { url: urls[system], body: JSON.stringify({ query: question.ours.query }) };
  }
  if (system === 'ng') return { url: urls.ng, body: JSON.stringify({ query: question.ng.query }) };
  return { url: urls.raw, body: JSON.stringify({ statement: question.raw.statement, params: question.raw.params }) };
}

/** Asks every system every question once; throws naming the first difference. Returns statements per request. */
async function checkAnswers(urls) {
  const statements = new Map();
  for (const question of questions) {
    const answers = {};
    for (const system of SYSTEMS) {
      const { url, body } = requestFor(system, question, urls);
      // Asked twice, the second answer kept: a first request may carry one-off work (@neo4j/graphql checks
      // the database version on its first), which is not what each request costs.
      await postJson(url, body);
      // Ours runs in production, whose answers do not report their statements: its metrics count them.
      const { answer: response, statements: counted } =
        system === 'ours'
          ? await statementsOf(urls.oursMetrics, () => postJson(url, body))
          : { answer: await postJson(url, body), statements: undefined };
      if (response.errors) {
        throw new Error(
          `${system} answered ${question.id} with errors: ${JSON.stringify(response.errors).slice(0, 500)}`,
        );
      }
      answers[system] = canonical(
        question[system === 'base' ? 'ours' : system].answer(system === 'raw' ? response.rows : response.data),
      );
      if (system === 'ours' || system === 'ng')
        statements.set(`${question.id} ${system}`, counted ?? response.extensions?.cypher?.queries ?? 'n/a');
    }
    if (!question.expect(answers.ours)) {
      throw new Error(
        `${question.id}: our answer is not the expected one: ${JSON.stringify(answers.ours).slice(0, 500)}`,
      );
    }
    for (const system of SYSTEMS.filter((name) => name !== 'ours')) {
      const difference = firstDifference(answers.ours, answers[system]);
      if (difference) throw new Error(`${question.id}: ours and ${system} answer differently at ${difference}`);
    }
    log(`answers equal: ${question.title} (${JSON.stringify(answers.ours).length} bytes canonical)`);
  }
  return statements;
}

/** Seconds of each warm-up cell, and how many cells make one of the two windows compared. */
const WARM_CELL_SECONDS = 2;
const WARM_WINDOW = 5;

/**
 * Loads one system with one question in 2 s cells until what a request costs stops falling: the median CPU per
 * request (service + Neo4j) of the last five cells is no more than 5 % below that of the five before (at most
 * --warmup seconds); returns the seconds spent. The Neo4j JVM compiles each kind of statement's code only once
 * it runs hot, and keeps at it for a while, with pauses. After the other questions' loads, our search (a
 * full-text query) cost Neo4j 4.2 ms of CPU per request in its first 4 s of load at c=16, 1.2-1.4 ms from 8 to
 * 20 s, and 0.8-0.9 ms from 28 s on. Two 1 s cells no faster than the best req/s (the first rule; req/s moves ±25 %
 * from cell to cell on this machine) stopped after 12 s, and windows of three 2 s cells took that pause for the
 * end: the search row was timed at 1.03 ms of Neo4j CPU against 0.75 in the next row, the same statement.
 */
async function warmUp(runCell) {
  const costs = [];
  for (let spent = WARM_CELL_SECONDS; spent <= warmup; spent += WARM_CELL_SECONDS) {
    costs.push(costPerRequest(await runCell(WARM_CELL_SECONDS)));
    if (costs.length >= 2 * WARM_WINDOW) {
      const last = median(costs.slice(-WARM_WINDOW));
      const before = median(costs.slice(-2 * WARM_WINDOW, -WARM_WINDOW));
      if (last >= before * 0.95) return spent;
    }
  }
  return warmup;
}

/**
 * What one request of a cell cost: CPU ms of the service and Neo4j (the service alone when Neo4j is not ours to
 * read, with --neo4j), or 1 / req/s where /proc cannot be read at all.
 */
function costPerRequest({ cpu, rps }) {
  const measured = [cpu.service, cpu.neo4j].filter((ms) => !Number.isNaN(ms));
  return measured.length > 0 ? measured.reduce((sum, ms) => sum + ms, 0) : 1 / rps;
}

async function time(urls, pids) {
  // samples[questionId][system][concurrency] = [{rps, p50, p99, failures, cpu}, …] one per round
  const samples = {};
  const cells = [...questions.map((q) => q.id), 'noop', 'floor'];
  for (const id of cells) samples[id] = Object.fromEntries([...SYSTEMS, 'noop'].map((s) => [s, {}]));
  const runOne = async (id, system, connections, duration) => {
    const question = questions.find((q) => q.id === id);
    const request =
      id === 'noop'
        ? { url: urls.noop, body: '{}' }
        : id === 'floor'
          ? { url: urls[system], body: FLOOR_BODY }
          : requestFor(system, question, urls);
    // One system runs at a time, so the database's CPU over the cell is this system's requests'.
    const meter = cpuMeter({ service: pids[system] ?? pids.raw, neo4j: pids.neo4j });
    const result = await loadCell({ ...request, connections, seconds: duration });
    return { ...result, cpu: meter.stop(result.requests) };
  };
  if (warmup > 0) {
    const connections = Math.max(...concurrencies);
    log(
      `warm-up at c=${connections}: each system and question until its CPU per request stops falling (≤ ${warmup} s)`,
    );
    for (const question of questions) {
      const spent = [];
      for (const system of SYSTEMS) spent.push(await warmUp((s) => runOne(question.id, system, connections, s)));
      log(`  ${question.id}: ${SYSTEMS.map((system, i) => `${system} ${spent[i]} s`).join(', ')}`);
    }
  }
  const perRound = questions.length * SYSTEMS.length + 1 + FLOOR_SYSTEMS.length;
  const total = rounds * concurrencies.length * perRound * seconds;
  log(`timing: ${rounds} rounds × ${concurrencies.length} concurrencies, ${seconds} s per cell, about ${total} s`);
  for (let round = 0; round < rounds; round++) {
    const order = roundOrder(round);
    for (const connections of concurrencies) {
      for (const question of questions) {
        for (const system of order) {
          const result = await runOne(question.id, system, connections, seconds);
          (samples[question.id][system][connections] ??= []).push(result);
        }
      }
      (samples.noop.noop[connections] ??= []).push(await runOne('noop', 'noop', connections, seconds));
      for (const system of order.filter((name) => FLOOR_SYSTEMS.includes(name))) {
        (samples.floor[system][connections] ??= []).push(await runOne('floor', system, connections, seconds));
      }
    }
    log(`round ${round + 1}/${rounds} done`);
  }
  return samples;
}

/**
 * The order the systems run in, in round `round`: who goes first rotates, so no system always runs right after
 * the same neighbour; ours and base (with --baseline) always run back to back, which of the two first
 * alternating. On this machine req/s drifts by ±25 % over tens of seconds with other work, and the two builds
 * compared against each other are then timed under the same drift.
 */
function roundOrder(round) {
  const units = baseline
    ? [round % 2 === 0 ? ['ours', 'base'] : ['base', 'ours'], ['ng'], ['raw']]
    : SYSTEMS.map((s) => [s]);
  return units.map((_, i) => units[(i + round) % units.length]).flat();
}

/** Ours ÷ other req/s in each round of one cell (each round's cells ran back to back, NaN dropped). */
function roundRatios(oursSamples, otherSamples) {
  return oursSamples.map((sample, round) => sample.rps / otherSamples[round].rps).filter(Number.isFinite);
}

/**
 * Ours ÷ other req/s as the median of the rounds' ratios (paired rounds): a slow stretch of the machine that
 * slows both cells of a round cancels in their ratio, where a ratio of the two medians can set one system's
 * slow round against the other's fast one.
 */
function pairedRatio(oursSamples, otherSamples) {
  const ratios = roundRatios(oursSamples, otherSamples);
  return ratios.length === 0 ? 'n/a' : `${fixed(median(ratios), 2)}×`;
}

/** The spread of ours ÷ other req/s over the rounds of one cell: how far a single round strays from the median. */
function roundRatioRange(oursSamples, otherSamples) {
  const ratios = roundRatios(oursSamples, otherSamples);
  return ratios.length === 0 ? 'n/a' : `${fixed(Math.min(...ratios), 2)}–${fixed(Math.max(...ratios), 2)}`;
}

function report(samples, statements) {
  const names = SYSTEMS.join(' / ');
  const med = (list, key) => median(list.map((sample) => sample[key]));
  const [low, high] = [Math.min(...concurrencies), Math.max(...concurrencies)];
  const rows = questions.map((question) => {
    const s = samples[question.id];
    const at = (system, c, key) => med(s[system][c], key);
    const failures = SYSTEMS.map((system) =>
      concurrencies.reduce((sum, c) => sum + s[system][c].reduce((n, sample) => n + sample.failures, 0), 0),
    );
    const cs = [...new Set([low, high])];
    return [
      question.title,
      `${statements.get(`${question.id} ours`)} / ${statements.get(`${question.id} ng`)}`,
      cs.map((c) => SYSTEMS.map((system) => fixed(at(system, c, 'rps'), 0)).join(' / ')).join(' ; '),
      cs.map((c) => pairedRatio(s.ours[c], s.ng[c])).join(' / '),
      cs.map((c) => roundRatioRange(s.ours[c], s.ng[c])).join(' / '),
      ...(baseline
        ? [
            cs.map((c) => pairedRatio(s.ours[c], s.base[c])).join(' / '),
            cs.map((c) => roundRatioRange(s.ours[c], s.base[c])).join(' / '),
          ]
        : []),
      cs.map((c) => SYSTEMS.map((system) => fixed(at(system, c, 'p50'), 1)).join(' / ')).join(' ; '),
      cs.map((c) => ratio(at('ours', c, 'p50'), at('raw', c, 'p50'))).join(' / '),
      SYSTEMS.map((system) => fixed(at(system, high, 'p99'), 0)).join(' / '),
      failures.join(' / '),
    ];
  });
  const cLabel = low === high ? `c=${low}` : `c=${low} ; c=${high}`;
  const header = [
    'question',
    'statements ours / ng',
    `req/s ${names} (${cLabel})`,
    `ours ÷ ng req/s (${cLabel.replace(' ;', ' /')})`,
    `ours ÷ ng req/s, lowest–highest round (${cLabel.replace(' ;', ' /')})`,
    ...(baseline
      ? [
          `ours ÷ base req/s (${cLabel.replace(' ;', ' /')})`,
          `ours ÷ base req/s, lowest–highest round (${cLabel.replace(' ;', ' /')})`,
        ]
      : []),
    `p50 ms ${names} (${cLabel})`,
    `ours p50 ÷ raw p50 (${cLabel.replace(' ;', ' /')})`,
    `p99 ms ${names} (c=${high})`,
    `failed requests ${names}`,
  ];
  const noop = concurrencies
    .map(
      (c) =>
        `c=${c}: ${fixed(med(samples.noop.noop[c], 'rps'), 0)} req/s, p50 ${fixed(med(samples.noop.noop[c], 'p50'), 2)} ms`,
    )
    .join('; ');
  const floorAt = (system, c, key) => med(samples.floor[system][c], key);
  const floor = [
    ...concurrencies.map(
      (c) =>
        `c=${c}: ${FLOOR_SYSTEMS.map((system) => fixed(floorAt(system, c, 'rps'), 0)).join(' / ')} req/s ` +
        `(ours ÷ ${FLOOR_SYSTEMS.slice(1)
          .map((system) => `${system} ${pairedRatio(samples.floor.ours[c], samples.floor[system][c])}`)
          .join(', ')})`,
    ),
    `CPU ms per request at c=${high}: ${FLOOR_SYSTEMS.map((system) => fixed(median(samples.floor[system][high].map((sample) => sample.cpu.service)), 3)).join(' / ')}`,
  ].join('; ');
  const cores = cpus().length;
  const cpuRows = questions.map((question) => {
    const s = samples[question.id];
    const cpu = (system, part) => median(s[system][high].map((sample) => sample.cpu[part]));
    const total = (system) => cpu(system, 'service') + cpu(system, 'neo4j');
    return [
      question.title,
      SYSTEMS.map((system) => fixed(cpu(system, 'service'), 2)).join(' / '),
      SYSTEMS.map((system) => fixed(cpu(system, 'neo4j'), 2)).join(' / '),
      ratio(total('ng'), total('ours')),
    ];
  });
  const cpuHeader = [
    'question',
    `service process CPU ms per request ${names} (c=${high})`,
    `Neo4j CPU ms per request ${names} (c=${high})`,
    'ng ÷ ours CPU (service + Neo4j)',
  ];
  return [
    `ng = @neo4j/graphql 7.6.3 under Apollo Server 5; raw = one hand-written auto-commit Cypher statement per question over node:http.`,
    ...(baseline ? [`base = the service at commit ${baseline.commit}, built, in the same rounds.`] : []),
    `Medians of ${rounds} alternating rounds, ${seconds} s per cell, autocannon 9, on ${cores} cores (Node ${process.version}); ` +
      `a ratio of req/s is the median of the rounds' ratios (paired rounds).`,
    ...(rounds < 3 ? ['Fewer than 3 rounds: a smoke run, not a measurement.'] : []),
    '',
    markdownTable(header, rows),
    '',
    `HTTP no-op floor (raw server, no database): ${noop}.`,
    `GraphQL floor (\`{ __typename }\`, no database), ${FLOOR_SYSTEMS.join(' / ')}: ${floor}.`,
    'It is what any request costs a service before its question: ours also writes an access line, gives a request',
    'id, an ETag, CORS and compression headers, and applies its limits. A question doing little work (the search)',
    'is read against it.',
    '',
    'CPU time per request, medians over the same cells (Linux /proc; user + system). On a shared machine',
    'req/s moves with what else runs; what a request costs each process moves much less. Above 1× ours costs',
    'less. At c=16 every core is busy, so req/s follows total CPU, the load generator included (the same for',
    'each system).',
    '',
    markdownTable(cpuHeader, cpuRows),
  ].join('\n');
}

async function main() {
  const started = [];
  try {
    const neo4j = await openNeo4j({ reuseUri });
    started.push(neo4j);
    log('starting our service (it seeds an empty database from seed/graph.json)…');
    // The answers are checked and their statements counted on an instance with metrics; the timed one runs
    // as deployed, without (see startOurService).
    const counting = await startOurService(neo4j, {}, { countStatements: true });
    started.push(counting);
    const [ng, raw] = await Promise.all([startNeo4jGraphQL(neo4j), startRawCypher(neo4j)]);
    started.push(ng, raw);
    // The baseline is checked as it is timed: its answers must equal ours, its statements are not counted.
    const base = baseline ? await startOurService(neo4j, {}, { entry: baseline.entry }) : undefined;
    if (base) started.push(base);
    const checkUrls = {
      ours: counting.url,
      oursMetrics: counting.metricsUrl,
      base: base?.url,
      ng: ng.url,
      raw: raw.cypherUrl,
    };
    const statements = await checkAnswers(checkUrls);
    started.splice(started.indexOf(counting), 1);
    await counting.stop();
    const ours = await startOurService(neo4j);
    started.push(ours);
    const urls = { ours: ours.url, base: base?.url, ng: ng.url, raw: raw.cypherUrl, noop: raw.noopUrl };
    const samples = await time(urls, { ours: ours.pid, base: base?.pid, ng: ng.pid, raw: raw.pid, neo4j: neo4j.pid });
    const text = report(samples, statements);
    process.stdout.write(`${text}\n`);
    if (docs) log(`replaced the table in ${await replaceBenchmarkTable('compare', commandLine(), text)}`);
  } finally {
    for (const part of started.reverse()) await part.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.message}\n`);
  process.exitCode = 1;
});
