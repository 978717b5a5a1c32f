#!/usr/bin/env node
// `node bench/tracing-cost.js` (after `npm run build`): what tracing costs a request. Two instances of our
// service over one Neo4j, one with tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT) and one with it on, sending
// its spans as OTLP/HTTP to a local sink that reads and discards them; each bench question is asked
// sequentially (concurrency 1) N times per round to each, the instances alternated (order rotated) over rounds,
// and the medians of per-round medians compared. Loopback only; bounded by --requests and --rounds.
//
// Flags: --requests <per round and instance, 200> --rounds <5> --warmup <requests, 30>
//        --only <question ids, Q1,Q4,page> --neo4j <bolt URI to reuse>
'use strict';
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

/** Milliseconds of each of `count` sequential requests of `question`; any non-200 or GraphQL error stops the run. */
async function timeRequests(url, question, count) {
  const body = JSON.stringify({ query: question.ours.query });
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await response.json();
    times.push(performance.now() - started);
    if (response.status !== 200 || answer.errors) {
      throw new Error(`${question.id} answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    }
  }
  return times;
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
      for (const instance of instances) await timeRequests(instance.url, question, warmup);
      const medians = { off: [], on: [] };
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? instances : [...instances].reverse();
        for (const instance of order)
          medians[instance.name].push(median(await timeRequests(instance.url, question, requests)));
      }
      const off = median(medians.off);
      const on = median(medians.on);
      log(
        `${question.id}: off ${medians.off.map((m) => fixed(m, 3)).join(' ')} | on ${medians.on.map((m) => fixed(m, 3)).join(' ')}`,
      );
      rows.push([question.id, fixed(off, 3), fixed(on, 3), fixed(on - off, 3), ratio(on, off)]);
    }
    // The batch is sent every 5 s (OTEL_BSP_SCHEDULE_DELAY); the instance's shutdown sends the rest.
    await instances.pop().stop();
    process.stdout.write(
      `Tracing off vs on (OTLP/HTTP to a local sink), ${requests} sequential requests per round and instance, ` +
        `${rounds} rounds, medians of per-round medians (ms), Node ${process.version}:\n\n` +
        `${markdownTable(['question', 'off', 'on', 'on − off', 'on / off'], rows)}\n\n` +
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
