#!/usr/bin/env node
// Response times of representative requests against a running service (default http://localhost:4000),
// printed as medians and 90th percentiles over repeated runs, with the Cypher statements each costs.
// Usage: npm start (in another terminal), then: node bench/examples-latency.js [baseUrl] [runs]
// Only loopback addresses are accepted: this is a measurement, not a load test of someone else's server.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const base = process.argv[2] ?? 'http://localhost:4000';
const runs = Number(process.argv[3] ?? 30);
const host = new URL(base).hostname;
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
  console.error(`refusing to benchmark ${base}: only loopback addresses`);
  process.exit(2);
}

const example = (file) => readFileSync(join(__dirname, '..', 'schema', 'examples', file), 'utf8');
const CASES = [
  [
    'widest example (05 dashboard: fields → items → measures → departments → reform sheets)',
    example('05-dashboard-fields-to-reform-sheets.graphql'),
  ],
  ['SDG coverage matrix (14)', example('14-sdg-coverage-matrix.graphql')],
  [
    '6-hop path query (reform sheet 3-12 → linkage plan 5, maxHops 6, first 5)',
    '{ paths(from: "reform-sheet:3-12", to: "linkage-plan:5", maxHops: 6, first: 5) { length steps { relationship } } }',
  ],
  [
    "user's example (01: SDG 17 × citizen activity division)",
    example('01-sdg17-measures-of-citizen-activity-division.graphql'),
  ],
];

async function once(query) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
  return { ms, queries: body.extensions?.cypher?.queries, bytes: JSON.stringify(body).length };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

(async () => {
  console.log(`${runs} runs each after 3 warm-up runs, against ${base}`);
  for (const [name, query] of CASES) {
    for (let i = 0; i < 3; i++) await once(query);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await once(query));
    const times = samples.map((s) => s.ms).sort((a, b) => a - b);
    console.log(
      `${name}\n  median ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms, ` +
        `${samples[0].queries} Cypher statements, ${(samples[0].bytes / 1024).toFixed(1)} KiB`,
    );
  }
})().catch((error) => {
  console.error(`benchmark failed: ${error.message}`);
  process.exit(1);
});
