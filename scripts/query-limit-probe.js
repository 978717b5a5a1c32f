#!/usr/bin/env node
// Sends the hostile requests of issue 8 to a running service and reports, for each, the HTTP status, the
// answer's size, the time to answer, the first error code, and how the health endpoints fared meanwhile
// (polled every 100 ms): a limit that holds answers fast with QUERY_TOO_COMPLEX and leaves health untouched.
//
//   node scripts/query-limit-probe.js [base-url] [case …]     (default http://localhost:4000, every case)
//
// Cases: fragments22, fragments30 (a chain of fragments each spreading the previous one twice),
// aliases500 (500 aliases of sdgCoverage), nested-lists (1.5 KB of nested plain lists that once returned
// 14 MB). Each request is abandoned after 60 s.
'use strict';
const { scriptArguments } = require('./script-arguments');

const TIMEOUT_MS = 60_000;

/** Fragment n spreads fragment n-1 twice: naive walking visits 2^n spreads. */
function fragmentChain(n) {
  const lines = ['query Chain { ...F' + (n - 1) + ' }', 'fragment F0 on Query { serviceInfo { name } }'];
  for (let i = 1; i < n; i++) lines.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return lines.join('\n');
}

function aliases(n) {
  const fields = Array.from({ length: n }, (_, i) => `a${i}: sdgCoverage { cells { measureCount } }`);
  return `{ ${fields.join(' ')} }`;
}

/**
 * Plain lists (no `first`), nested: departments → collaborators → department → collaborators → …, and
 * departments → measures → departments → reform sheets, each twice under aliases. Costed as 10 items per
 * list, this fitted the old budget; with 46 departments it answered 13 MB.
 */
const COLLABORATOR_CHAIN = `departments { id name nameEn
    collaborators { sharedMeasures sharedReformSheets department { id name nameEn
      collaborators { sharedMeasures sharedReformSheets department { id name nameEn
        collaborators { sharedMeasures sharedReformSheets department { id name nameEn } } } } } } }`;
const OWNERSHIP_CHAIN = `departments { id name nameEn
    measures { id code name status departments { id name nameEn reformSheets { id code name viewpoint } } } }`;
const NESTED_LISTS = `{
  a: ${COLLABORATOR_CHAIN}
  b: ${COLLABORATOR_CHAIN}
  c: ${OWNERSHIP_CHAIN}
  d: ${OWNERSHIP_CHAIN}
}`;

const CASES = {
  fragments22: { query: fragmentChain(22), health: '/health/live' },
  fragments30: { query: fragmentChain(30), health: '/health/live' },
  aliases500: { query: aliases(500), health: '/health/ready' },
  'nested-lists': { query: NESTED_LISTS, health: '/health/live' },
};

async function pollHealth(base, path, stop) {
  const seen = { polls: 0, worstMs: 0, statuses: new Map() };
  while (!stop.done) {
    const started = performance.now();
    let status;
    try {
      status = (await fetch(base + path, { signal: AbortSignal.timeout(TIMEOUT_MS) })).status;
    } catch {
      status = 'no answer';
    }
    seen.polls++;
    seen.worstMs = Math.max(seen.worstMs, performance.now() - started);
    seen.statuses.set(status, (seen.statuses.get(status) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

async function run(base, name) {
  const { query, health } = CASES[name];
  const stop = { done: false };
  const healthRun = pollHealth(base, health, stop);
  const started = performance.now();
  let line;
  try {
    const response = await fetch(base + '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let first = '';
    try {
      const error = JSON.parse(text).errors?.[0];
      if (error) first = `${error.extensions?.code}: ${error.message.slice(0, 200)}`;
    } catch {
      first = 'not JSON';
    }
    line = `HTTP ${response.status}, ${text.length} bytes in ${ms.toFixed(0)} ms${first ? `, ${first}` : ''}`;
  } catch (error) {
    line = `no answer after ${(performance.now() - started).toFixed(0)} ms (${error.name})`;
  }
  stop.done = true;
  const seen = await healthRun;
  const statuses = [...seen.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`${name} (request ${Buffer.byteLength(JSON.stringify({ query }))} bytes): ${line}`);
  console.log(`  ${health} meanwhile: ${seen.polls} polls, ${statuses}, slowest ${seen.worstMs.toFixed(0)} ms`);
}

async function main() {
  const { positionals } = scriptArguments(process.argv.slice(2), {
    usage:
      'usage: node scripts/query-limit-probe.js [url] [case…]   (default http://localhost:4000, every case)\n' +
      `  sends hostile requests to a running service and reports the answers and its health; cases: ${Object.keys(CASES).join(', ')}`,
    maxPositionals: Infinity,
  });
  const [base = 'http://localhost:4000', ...names] = positionals;
  for (const name of names.length ? names : Object.keys(CASES)) {
    if (!CASES[name]) throw new Error(`unknown case ${name}; known: ${Object.keys(CASES).join(', ')}`);
    await run(base.replace(/\/$/, ''), name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
