#!/usr/bin/env node
// `node bench/data-version.js`: what keeping instances in step costs. Our service (response cache on, as
// `npm start` has it) is timed on a bench question in three variants (bench/lib/data-version-variant.js):
// `lazy` (no poll: the version re-read once 30 s old, the service before instances had to agree), `poll`
// (a background read of the version every DATA_VERSION_POLL_MS, as shipped) and `per-request` (a read of the
// version by every request before the response cache is consulted). The variants run side by side on one
// Neo4j and are timed in alternating rounds (rotating order); medians over rounds are printed.
// Loopback only; bounded by --rounds and --duration. Needs `npm run build` and bench/'s dependencies
// (`node bench/install-if-missing.js`).
//
// Flags: --duration <s per cell, 3> --rounds <3> --concurrency <list, 1,16> --only <question id, Q1>
//        --neo4j <bolt URI to reuse>
'use strict';
const { join } = require('node:path');
const { readFlags, wholeNumber } = require('./lib/flags');
const { loadCell } = require('./lib/load-cell');
const { QUESTIONS } = require('./lib/questions');
const { openNeo4j, startOurService } = require('./lib/stack');
const { fixed, markdownTable, median } = require('./lib/statistics');

const USAGE =
  'node bench/data-version.js -- [--duration 3] [--rounds 3] [--concurrency 1,16] [--only Q1] [--neo4j bolt://…]';
const { seconds, rounds, concurrencies, question, reuseUri } = readFlags(
  {
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '1,16' },
    only: { type: 'string', default: 'Q1' },
    neo4j: { type: 'string', default: '' },
  },
  USAGE,
  (flags) => {
    const found = QUESTIONS.find((q) => q.id.toLowerCase() === flags.only.trim().toLowerCase());
    if (!found) throw new Error(`--only: no question '${flags.only}'; known: ${QUESTIONS.map((q) => q.id).join(', ')}`);
    return {
      seconds: wholeNumber('duration', flags.duration, 1, 120),
      rounds: wholeNumber('rounds', flags.rounds, 1, 20),
      concurrencies: flags.concurrency.split(',').map((c) => wholeNumber('concurrency', c, 1, 256)),
      question: found,
      reuseUri: flags.neo4j || undefined,
    };
  },
);
const VARIANTS = ['lazy', 'poll', 'per-request'];
const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const neo4j = await openNeo4j({ reuseUri });
  const services = {};
  try {
    for (const variant of VARIANTS) {
      // One after the other: the first seeds the empty database, the others find it seeded.
      services[variant] = await startOurService(neo4j, {
        RESPONSE_CACHE_MAX_MB: '32',
        DATA_VERSION_VARIANT: variant,
        NODE_OPTIONS: `-r ${join(__dirname, 'lib', 'data-version-variant.js')}`,
      });
      log(`started: ${variant}`);
    }
    const body = JSON.stringify({ query: question.ours.query });
    const samples = Object.fromEntries(VARIANTS.map((v) => [v, Object.fromEntries(concurrencies.map((c) => [c, []]))]));
    for (const variant of VARIANTS) await loadCell({ url: services[variant].url, body, connections: 16, seconds: 1 });
    for (let round = 0; round < rounds; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
      for (const connections of concurrencies) {
        for (const variant of order) {
          const result = await loadCell({ url: services[variant].url, body, connections, seconds });
          if (result.failures > 0) throw new Error(`${variant} failed ${result.failures} requests`);
          samples[variant][connections].push(result);
        }
      }
      log(`round ${round + 1}/${rounds} done`);
    }
    const rows = [];
    for (const connections of concurrencies) {
      const base = median(samples.lazy[connections].map((s) => s.rps));
      for (const variant of VARIANTS) {
        const list = samples[variant][connections];
        const rps = median(list.map((s) => s.rps));
        rows.push([
          question.id,
          String(connections),
          variant,
          fixed(rps, 0),
          fixed(median(list.map((s) => s.p50)), 2),
          fixed(median(list.map((s) => s.p99)), 2),
          `${fixed((100 * rps) / base, 0)} %`,
          list.map((sample) => fixed(sample.rps, 0)).join(' '),
        ]);
      }
    }
    process.stdout.write(
      markdownTable(
        ['question', 'concurrency', 'variant', 'req/s (median)', 'p50 ms', 'p99 ms', 'vs lazy', 'req/s per round'],
        rows,
      ),
    );
  } finally {
    for (const service of Object.values(services)) await service.stop();
    await neo4j.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
