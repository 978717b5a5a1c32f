#!/usr/bin/env node
// `node bench/driver-young-generation.js`: how much of a closed neo4j-driver session outlives a young-generation
// collection (a scavenge), against a control that allocates the same and finishes with native async/await.
//
// Why it matters: the young-generation collector costs in proportion to what survives it. Profiles of the
// 3-level page put scavenges at 12–15 % of our process's CPU, with about one request's worth of objects
// surviving each request. The cause is in the driver's build, not in our code: neo4j-driver ships ES5 output,
// whose `__generator` helper gives every generator object a closure-valued `[Symbol.iterator]` property, and on
// Node 20 (V8 11.3) everything the helper's context holds (the session, and through it a run's result and
// records) then survives scavenges until the next full mark-compact. Our own output is ES2022 (native async).
//
// Each of --sessions sessions carries a 160 KB marker; the script reports how many of those kilobytes survive
// one scavenge. No database is needed: creating and closing a session opens no connection.
//
// Flags: --sessions <10>
'use strict';
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');
const { getHeapSpaceStatistics } = require('node:v8');
const { readFlags, wholeNumber } = require('./lib/flags');
const { ROOT } = require('./lib/stack');

// The service's own driver, not the copy the benchmark's reference server may bring.
const neo4j = require(require.resolve('neo4j-driver', { paths: [ROOT] }));
const { version: driverVersion } = require(require.resolve('neo4j-driver/package.json', { paths: [ROOT] }));

const USAGE = 'node bench/driver-young-generation.js [--sessions 10]';
const { sessions } = readFlags({ sessions: { type: 'string', default: '10' } }, USAGE, (flags) => ({
  sessions: wholeNumber('sessions', flags.sessions, 1, 50),
}));

setFlagsFromString('--expose-gc');
/** V8's own collector, asked for by type (`minor` is a scavenge of the young generation only). */
const collect = runInNewContext('gc');

const MARKER_BYTES = 20_000 * 8;
const marker = () => new Array(MARKER_BYTES / 8).fill(0.5);
const heapBytes = () => getHeapSpaceStatistics().reduce((sum, space) => sum + space.space_used_size, 0);

/** A closable object finishing the way our own code does: a native async method. */
class NativeAsyncSession {
  async close() {
    await Promise.resolve(null);
    await Promise.resolve(null);
  }
}

/** Kilobytes of the markers still on the heap after one scavenge, when `open()` objects are made and closed. */
async function survivingKilobytes(open) {
  const cycle = async (withMarker) => {
    const session = open();
    if (withMarker) session.benchMarker = marker();
    await session.close();
  };
  for (let i = 0; i < 100; i += 1) await cycle(false); // warm the code paths first
  collect();
  collect();
  const before = heapBytes();
  for (let i = 0; i < sessions; i += 1) await cycle(true);
  collect({ type: 'minor' });
  return Math.max(0, (heapBytes() - before) / 1024);
}

(async () => {
  // A driver that is never asked to connect: sessions are created and closed without a database.
  const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'unused'));
  try {
    const markers = (sessions * MARKER_BYTES) / 1024;
    const rows = [
      ['neo4j-driver session (ES5 build)', await survivingKilobytes(() => driver.session({ database: 'neo4j' }))],
      ['native async/await (control)', await survivingKilobytes(() => new NativeAsyncSession())],
    ];
    console.log(`Node ${process.versions.node} (V8 ${process.versions.v8}), neo4j-driver ${driverVersion}`);
    console.log(
      `${sessions} objects closed, each holding a marker (${markers.toFixed(0)} KB in all); after one scavenge:`,
    );
    for (const [label, kilobytes] of rows) {
      console.log(`  ${label.padEnd(34)} ${kilobytes.toFixed(0).padStart(6)} KB still on the heap`);
    }
  } finally {
    await driver.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
