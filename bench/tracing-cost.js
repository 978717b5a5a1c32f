#!/usr/bin/env node
// `node bench/tracing-cost.js` (after `npm run build`): what tracing costs a request. Two instances of our
// service over one Neo4j, one with tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT) and one with it on, sending
// its spans as OTLP/HTTP to a local sink that reads and discards them. Each bench question is asked
// sequentially (concurrency 1) N times per round to each, interleaved request by request so that both see
// the same load from the rest of the machine; compared are the medians over rounds of each round's median
// latency and of each instance's CPU time per request (read from /proc: the cost tracing adds is CPU, and
// CPU time hardly depends on what else the machine runs). Loopback only; bounded by --requests and --rounds.
//
// Flags: --requests <per round and instance, 200> --rounds <5> --warmup <requests, 30>
//        --only <question ids, Q1,Q4,page> --neo4j <bolt URI to reuse>
'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { readFlags, wholeNumber } = require('./lib/flags');
const { QUESTIONS } = require('./lib/questions');
const { openNeo4j, startOurService } = require('./lib/stack');
const { fixed, markdownTable, median, ratio } = require('./lib/statistics');

const USAGE =
  'node bench/tracing-cost.js [--requests 200] [--rounds 5] [--warmup 30] [--only Q1,Q4,page] [--neo4j bolt://…]';
const { requests, rounds, warmup, questions, reuseUri } = readFlags(
  {
    requests: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '30' },
    only: { type: 'string', default: 'Q1,Q4,page' },
    neo4j: { type: 'string', default: '' },
  },
  USAGE,
  (flags) => ({
    requests: wholeNumber('requests', flags.requests, 1, 100_000),
    rounds: wholeNumber('rounds', flags.rounds, 1, 50),
    warmup: wholeNumber('warmup', flags.warmup, 0, 10_000),
    questions: flags.only.split(',').map((id) => {
      const found = QUESTIONS.find((question) => question.id.toLowerCase() === id.trim().toLowerCase());
      if (!found) throw new Error(`--only: no question '${id}'; known: ${QUESTIONS.map((q) => q.id).join(', ')}`);
      return found;
    }),
    reuseUri: flags.neo4j || undefined,
  }),
);
const log = (line) => process.stderr.write(`${line}\n`);

/** Stands in for a collector: reads each OTLP/HTTP export, counts its spans, answers 200. */
async function startSink() {
  let spans = 0;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const resource of body.resourceSpans ?? []) {
        for (const scope of resource.scopeSpans ?? []) spans += scope.spans?.length ?? 0;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    spans: () => spans,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** One request of `question`; any non-200 or GraphQL error stops the run. Resolves to its milliseconds. */
async function timeRequest(url, question) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: question.ours.query }),
  });
  const answer = await response.json();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || answer.errors) {
    throw new Error(`${question.id} answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return elapsed;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid) {
  // Fields 14 and 15 (utime, stime), counted after the command name, which is in parentheses.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * One round: `count` requests to each instance, interleaved one by one (the first instance rotating by round)
 * so both see the same load from the rest of the machine; each instance's request times and its CPU time per
 * request.
 */
async function round(instances, question, count, index) {
  const order = index % 2 === 0 ? instances : [...instances].reverse();
  const times = new Map(instances.map((instance) => [instance.name, []]));
  const cpuBefore = new Map(instances.map((instance) => [instance.name, cpuMs(instance.pid)]));
  for (let i = 0; i < count; i += 1) {
    for (const instance of order) times.get(instance.name).push(await timeRequest(instance.url, question));
  }
  return Object.fromEntries(
    instances.map((instance) => [
      instance.name,
      {
        medianMs: median(times.get(instance.name)),
        cpuMsPerRequest: (cpuMs(instance.pid) - cpuBefore.get(instance.name)) / count,
      },
    ]),
  );
}

async function main() {
  const neo4j = await openNeo4j({ reuseUri });
  const sink = await startSink();
  const instances = [];
  try {
    // One after the other: the first seeds the empty database.
    instances.push({ name: 'off', ...(await startOurService(neo4j)) });
    instances.push({ name: 'on', ...(await startOurService(neo4j, { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url })) });
    const rows = [];
    for (const question of questions) {
      await round(instances, question, warmup, 0);
      const measured = [];
      for (let index = 0; index < rounds; index += 1) measured.push(await round(instances, question, requests, index));
      const of = (name, key) => measured.map((r) => r[name][key]);
      log(
        `${question.id}: latency off ${of('off', 'medianMs')
          .map((m) => fixed(m, 2))
          .join(' ')} | on ` +
          `${of('on', 'medianMs')
            .map((m) => fixed(m, 2))
            .join(' ')}; CPU ms/request off ` +
          `${of('off', 'cpuMsPerRequest')
            .map((m) => fixed(m, 2))
            .join(' ')} | on ` +
          `${of('on', 'cpuMsPerRequest')
            .map((m) => fixed(m, 2))
            .join(' ')}`,
      );
      const latency = { off: median(of('off', 'medianMs')), on: median(of('on', 'medianMs')) };
      const cpu = { off: median(of('off', 'cpuMsPerRequest')), on: median(of('on', 'cpuMsPerRequest')) };
      rows.push([
        question.id,
        fixed(latency.off, 2),
        fixed(latency.on, 2),
        ratio(latency.on, latency.off),
        fixed(cpu.off, 3),
        fixed(cpu.on, 3),
        fixed(cpu.on - cpu.off, 3),
      ]);
    }
    // The batch is sent every 5 s (OTEL_BSP_SCHEDULE_DELAY); the instance's shutdown sends the rest.
    await instances.pop().stop();
    process.stdout.write(
      `Tracing off vs on (OTLP/HTTP to a local sink), ${requests} sequential requests per round and instance, ` +
        `${rounds} rounds (requests interleaved one by one), medians over rounds of the round's median latency (ms) ` +
        `and of the service process's CPU time per request (ms, /proc), Node ${process.version}:\n\n` +
        `${markdownTable(['question', 'latency off', 'latency on', 'on / off', 'CPU ms/req off', 'CPU ms/req on', 'CPU on − off'], rows)}\n\n` +
        `The sink received ${sink.spans()} spans.\n`,
    );
  } finally {
    for (const instance of instances) await instance.stop();
    await sink.stop();
    await neo4j.stop();
  }
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
