#!/usr/bin/env node
// Which compression level pays for GraphQL answers of this service: for representative answers (the
// dashboard's heatmap, the widest example, the IDE's introspection, a small list), the compressed size and
// the median time to compress at every brotli quality (1-11) and gzip level (1-9). The answers are fetched
// once from a running service (default http://localhost:4000, loopback only), then compressed in this process.
// Usage: npm start (in another terminal), then: node bench/investigations/compression-quality.js [baseUrl] [runs]
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, gzipSync, constants } = require('node:zlib');
const { getIntrospectionQuery } = require('graphql');

const base = process.argv[2] ?? 'http://localhost:4000';
const runs = Number(process.argv[3] ?? 25);
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(new URL(base).hostname)) {
  console.error(`refusing to benchmark ${base}: only loopback addresses`);
  process.exit(2);
}

const root = join(__dirname, '..', '..');
const example = (file) => readFileSync(join(root, 'schema', 'examples', file), 'utf8');
// The matrix the dashboard's heatmap asks for (dashboard/src/heatmap/heatmap-query.ts), its largest answer.
const heatmapQuery = `{ sdgCoverage {
  departments { id name nameEn }
  sdgs { number name nameEn color }
  cells { department { id } sdg { number } measureCount measures { code name status policyItem { code name } } }
} }`;
const ANSWERS = [
  ['heatmap (dashboard first visit)', heatmapQuery],
  ['IDE introspection', getIntrospectionQuery()],
  ['05 widest example', example('05-dashboard-fields-to-reform-sheets.graphql')],
  ['01 SDG 17 x citizen activity', example('01-sdg17-measures-of-citizen-activity-division.graphql')],
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function measure(compress, body) {
  const times = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    size = compress(body).length;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { size, ms: median(times) };
}

async function main() {
  const codings = [
    ...Array.from({ length: 11 }, (_, index) => [
      `br ${index + 1}`,
      (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: index + 1 } }),
    ]),
    ...Array.from({ length: 9 }, (_, index) => [`gzip ${index + 1}`, (body) => gzipSync(body, { level: index + 1 })]),
  ];
  // Fetched first, compressed after: the service closes idle keep-alive connections within seconds.
  const bodies = [];
  for (const [name, query] of ANSWERS) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${body.toString().slice(0, 200)}`);
    bodies.push([name, body]);
  }
  for (const [name, body] of bodies) {
    console.log(`\n${name}: ${(body.length / 1024).toFixed(1)} KiB uncompressed`);
    console.log('coding    bytes   ratio   median ms');
    for (const [coding, compress] of codings) {
      const { size, ms } = measure(compress, body);
      console.log(
        `${coding.padEnd(8)} ${String(size).padStart(7)}  ${(body.length / size).toFixed(2).padStart(6)}  ${ms.toFixed(2).padStart(9)}`,
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
