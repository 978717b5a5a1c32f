#!/usr/bin/env node
// The service's own CPU per request, of several builds or settings side by side on one embedded Neo4j: a benchmark
// question (Q2 by default, `QUESTION=Q4`) and the bare request (`{ __typename }`), each at 16 clients, in
// alternated rounds (`ROUNDS`, 3). Each argument is a built checkout, optionally followed by `@NAME=value`
// environment settings for its service, e.g.
//   node bench/investigations/service-cpu.js ../at-a06297a . '.@NODE_OPTIONS=--max-old-space-size=4096'
// CPU time per request (Linux /proc, user + system) moves much less with other work on the machine than req/s.
// It found what the memory bound's V8 flags cost every request (src/core/memory-limit.ts, docs/benchmarks.md).
'use strict';
const { join, resolve } = require('node:path');
const { openNeo4j, startOurService } = require('../lib/stack');
const { loadCell } = require('../lib/load-cell');
const { cpuMeter } = require('../lib/process-cpu');
const { QUESTIONS } = require('../lib/questions');
const { median } = require('../lib/statistics');

const specs = process.argv.slice(2);
if (specs.length === 0) {
  process.stderr.write('usage: node bench/investigations/service-cpu.js <built checkout>[@NAME=value…] …\n');
  process.exit(2);
}
const rounds = Number(process.env.ROUNDS ?? 3);
const question = QUESTIONS.find((q) => q.id === (process.env.QUESTION ?? 'Q2'));
if (!question) throw new Error(`QUESTION: no question '${process.env.QUESTION}'`);
const questionBody = JSON.stringify({ query: question.ours.query });
const bareBody = JSON.stringify({ query: '{ __typename }' });

/** A checkout and the settings its service runs with, from `dir@NAME=value@…`. */
function systemOf(spec) {
  const [dir, ...settings] = spec.split('@');
  const env = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
  return { spec, entry: join(resolve(dir), 'dist', 'src', 'index.js'), env, question: [], bare: [] };
}

async function cpuPerRequest(service, body, seconds) {
  const meter = cpuMeter({ service: service.pid });
  const cell = await loadCell({ url: service.url, body, connections: 16, seconds });
  return meter.stop(cell.requests).service;
}

(async () => {
  const neo4j = await openNeo4j({});
  const systems = specs.map(systemOf);
  try {
    for (const system of systems) {
      system.service = await startOurService(neo4j, system.env, { entry: system.entry });
      // Warm: the plans, the compiled executor and V8's optimised code.
      await loadCell({ url: system.service.url, body: questionBody, connections: 16, seconds: 8 });
      await loadCell({ url: system.service.url, body: bareBody, connections: 16, seconds: 3 });
    }
    for (let round = 0; round < rounds; round++) {
      for (const system of round % 2 ? [...systems].reverse() : systems) {
        system.question.push(await cpuPerRequest(system.service, questionBody, 5));
        system.bare.push(await cpuPerRequest(system.service, bareBody, 3));
      }
    }
    process.stdout.write(`service CPU ms per request at c=16, median of ${rounds} alternated rounds\n`);
    for (const system of systems) {
      const list = (values) => values.map((v) => v.toFixed(3)).join(', ');
      process.stdout.write(
        `${system.spec}\t${question.id} ${median(system.question).toFixed(3)} [${list(system.question)}]\t` +
          `bare ${median(system.bare).toFixed(3)} [${list(system.bare)}]\n`,
      );
    }
  } finally {
    for (const system of systems) await system.service?.stop();
    await neo4j.stop();
  }
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
