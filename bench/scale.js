#!/usr/bin/env node
// `npm run bench:scale`: does our service stay flat as the graph grows? The real graph is cloned k times as
// other municipalities (bench/lib/scaled-graph.js: ids suffixed, SDGs shared) into one embedded Neo4j, and
// for each k Q1 and Q4 are timed over HTTP with autocannon at c=1 against our service (dist/src/index.js).
//
// How the scaled graph survives the service's start-up: the service seeds the empty database itself on its
// first start; the clones are written afterwards and carry no seed of their own, so the stored seed hash
// still matches seed/graph.json and every later start keeps the graph as it is. The service is restarted
// for each k, so it reads the data version and its per-version caches (the department directory) afresh.
//
// Our service runs with RESPONSE_CACHE_MAX_MB=0 (every request reaches the database); `--cached` also
// times a second instance with the response cache on, reported in separate columns.
//
// Flags: --k <list, 1,10,100,1000> --duration <s per cell, 5> --warmup <s per cell, 2> --cached
'use strict';
const { cpus } = require('node:os');
const { readFlags, wholeNumber } = require('./lib/flags');
const { loadCell } = require('./lib/load-cell');
const { progressBar } = require('./lib/progress-bar');
const { canonical, firstDifference } = require('./lib/questions');
const { cloneId, cloneSize, readSeedGraph, writeClones } = require('./lib/scaled-graph');
const { ROOT, openNeo4j, startOurService } = require('./lib/stack');
const { statementsOf } = require('./lib/statement-count');
const { commandLine, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { fixed, markdownTable } = require('./lib/statistics');
const neo4jDriver = require('neo4j-driver');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const USAGE = 'npm run bench:scale -- [--k 1,10,100,1000] [--duration 5] [--warmup 2] [--cached] [--docs]';
const { ks, seconds, warmup, cached, docs } = readFlags(
  {
    k: { type: 'string', default: '1,10,100,1000' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    cached: { type: 'boolean', default: false },
    // Replace the table of docs/benchmarks.md with this run's.
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => {
    const list = [...new Set(flags.k.split(',').map((k) => wholeNumber('k', k.trim(), 1, 5000)))].sort((a, b) => a - b);
    if (list[0] !== 1) throw new Error('--k must include 1: every k is compared with the real graph alone');
    return {
      ks: list,
      seconds: wholeNumber('duration', flags.duration, 1, 120),
      warmup: wholeNumber('warmup', flags.warmup, 0, 60),
      cached: flags.cached,
      docs: flags.docs,
    };
  },
);

const log = (line) => process.stderr.write(`${line}\n`);
/** The department Q1 names: 市民活動推進課, answering for 9 measures of SDG 17 in every municipality. */
const DEPARTMENT = 'department:citizen-activity-promotion';

/** Q1 and Q4 as a client sends them; at k, Q1 names the department of the newest clone by its id. */
function questionsAt(k, seed) {
  const department = cloneId(DEPARTMENT, k - 1, seed.shared);
  return [
    {
      id: 'Q1',
      body: JSON.stringify({
        query: `{ measures(filter: { sdg: 17, department: "${department}" }) { totalCount nodes { code name } } }`,
      }),
      answer: (data) => data.measures,
      expect: (answer) => answer.totalCount === 9,
    },
    {
      id: 'Q4',
      body: JSON.stringify({ query: '{ measure(code: "5-1-3") { code name policyItem { name } } }' }),
      answer: (data) => data.measure,
      expect: (answer) => answer?.code === '5-1-3',
    },
  ];
}

async function ask(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  const parsed = JSON.parse(text);
  if (parsed.errors) throw new Error(`errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return parsed;
}

/** Graph nodes in the database, from the loader's own seed-info statement. */
async function graphNodes(driver) {
  const text = readFileSync(join(ROOT, 'cypher', 'load', 'read-seed-info.cypher'), 'utf8');
  const { records } = await driver.executeQuery(text, {}, { routing: neo4jDriver.routing.READ });
  return Number(records[0].get('nodes'));
}

async function measureAt(k, seed, neo4j, reference) {
  const systems = [{ name: 'uncached', env: {} }];
  if (cached) systems.push({ name: 'cached', env: { RESPONSE_CACHE_MAX_MB: '32' } });
  const row = {};
  for (const system of systems) {
    // With metrics, for the statement count: this table reads our latencies alone, not against a peer.
    const service = await startOurService(neo4j, system.env, { countStatements: true });
    try {
      for (const question of questionsAt(k, seed)) {
        // Asked twice: the first request of a new process reads the per-version caches, not what a request costs.
        await ask(service.url, question.body);
        const { answer: response, statements } = await statementsOf(service.metricsUrl, () =>
          ask(service.url, question.body),
        );
        const answer = canonical(question.answer(response.data));
        if (!question.expect(answer))
          throw new Error(`k=${k} ${question.id}: unexpected answer ${JSON.stringify(answer)}`);
        const difference = reference.has(question.id) ? firstDifference(reference.get(question.id), answer) : null;
        if (difference) throw new Error(`k=${k} ${question.id}: answer differs from k=1 at ${difference}`);
        reference.set(question.id, answer);
        if (warmup > 0) await loadCell({ url: service.url, body: question.body, connections: 1, seconds: warmup });
        const result = await loadCell({ url: service.url, body: question.body, connections: 1, seconds });
        if (result.failures > 0)
          throw new Error(`k=${k} ${question.id} ${system.name}: ${result.failures} failed requests`);
        row[`${question.id} ${system.name}`] = { ...result, statements };
        log(
          `k=${k} ${question.id} ${system.name}: p50 ${fixed(result.p50, 2)} ms, p95 ${fixed(result.p95, 2)} ms, ` +
            `${fixed(result.rps, 0)} req/s`,
        );
      }
    } finally {
      await service.stop();
    }
  }
  return row;
}

function report(rows) {
  const base = rows[0];
  const ratio = (row, key) => `${(row[key].p50 / base[key].p50).toFixed(2)}×`;
  const cell = (row, key) => `${fixed(row[key].p50, 2)} / ${fixed(row[key].p95, 2)}`;
  const header = [
    'k',
    'graph nodes',
    'Q1 p50 / p95 ms',
    'Q1 p50 ÷ k=1',
    'Q4 p50 / p95 ms',
    'Q4 p50 ÷ k=1',
    ...(cached ? ['Q1 cached p50 / p95 ms', 'Q4 cached p50 / p95 ms'] : []),
  ];
  const lines = rows.map((row) => [
    String(row.k),
    row.nodes.toLocaleString('en'),
    cell(row, 'Q1 uncached'),
    ratio(row, 'Q1 uncached'),
    cell(row, 'Q4 uncached'),
    ratio(row, 'Q4 uncached'),
    ...(cached ? [cell(row, 'Q1 cached'), cell(row, 'Q4 cached')] : []),
  ]);
  const statements = ['Q1', 'Q4'].map((q) => `${q} ${base[`${q} uncached`].statements}`).join(', ');
  return [
    `Our service (response cache off${cached ? '; cached columns: RESPONSE_CACHE_MAX_MB=32' : ''}), autocannon 9 at c=1, ` +
      `${seconds} s per cell after ${warmup} s warm-up, on ${cpus().length} cores (Node ${process.version}).`,
    `Q1 = measures for SDG 17 × one clone's 市民活動推進課 by id (code, name); Q4 = measure 5-1-3 with its policy ` +
      `item's name. Statements per request: ${statements}.`,
    '',
    markdownTable(header, lines),
  ].join('\n');
}

async function main() {
  const started = [];
  let driver;
  try {
    const seed = readSeedGraph();
    const size = cloneSize(seed);
    log(`one clone adds ${size.nodes} nodes and ${size.relationships} relationships (${seed.shared.size} SDGs shared)`);
    const neo4j = await openNeo4j();
    started.push(neo4j);
    driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic(neo4j.user, neo4j.password), {
      disableLosslessIntegers: true,
    });
    log('first start of our service: it seeds the empty database from seed/graph.json…');
    await (await startOurService(neo4j)).stop();
    const reference = new Map();
    const rows = [];
    let municipalities = 1;
    for (const k of ks) {
      if (k > municipalities) {
        const loadStarted = Date.now();
        await writeClones(driver, seed, municipalities, k, progressBar(`clones ${municipalities}→${k}`));
        log(`k=${k}: clones written in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
        municipalities = k;
      }
      rows.push({ k, nodes: await graphNodes(driver), ...(await measureAt(k, seed, neo4j, reference)) });
    }
    const text = report(rows);
    process.stdout.write(`${text}\n`);
    if (docs) log(`replaced the table in ${await replaceBenchmarkTable('scale', commandLine(), text)}`);
  } finally {
    await driver?.close();
    for (const part of started.reverse()) await part.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:scale failed: ${error.message}\n`);
  process.exitCode = 1;
});
