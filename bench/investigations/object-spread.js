#!/usr/bin/env node
// What an object literal that starts with a spread costs once it gets more properties, on this Node.
// On Node 20 (V8 11.3) a literal such as `{ ...stored, source }` clones `stored` and then gives the clone
// each further property through the runtime, making a new hidden class (map) every time: about 1 µs a
// property, and a map per object that outlives the young generation. Spreading last, or Object.assign onto
// a fresh object, stays on V8's cached transitions. The read path is written that way (eslint.config.js);
// this script shows why, and tells on a newer Node whether the rule still earns its keep.
//
// Usage: node bench/investigations/object-spread.js [--rounds 7]. No database, no build. Prints the median ns per object
// of each way of building the same object, over rounds of 200 000 objects each.
'use strict';
const { readFlags, wholeNumber } = require('../lib/flags');
const { median } = require('../lib/statistics');

const { rounds } = readFlags(
  { rounds: { type: 'string', default: '7' } },
  'node bench/investigations/object-spread.js [--rounds 7]',
  (flags) => ({ rounds: wholeNumber('rounds', flags.rounds, 1, 50) }),
);

const PER_ROUND = 200_000;
/** Ten stored nodes of one shape, as the driver's rows give them. */
const STORED = Array.from({ length: 10 }, (_, i) => ({ id: `measure:5-1-${i}`, code: `5-1-${i}`, name: `施策${i}` }));

/** A class with its fields declared, as every GraphQL object type of the service is. */
class Mapped {
  kind = undefined;
  id = undefined;
  code = undefined;
  name = undefined;
  source = undefined;
  status = undefined;
}

const WAYS = {
  'spread, then a new property ({ ...a, b })': (a, n) => ({ ...a, source: n }),
  'spread, then three new properties': (a, n) => ({ ...a, source: n, status: 'NEW', kind: 'Measure' }),
  'spread, then a property it has ({ ...a, name })': (a, n) => ({ ...a, name: n }),
  'properties, then the spread ({ b, ...a })': (a, n) => ({ source: n, ...a }),
  'Object.assign({}, a, { b })': (a, n) => Object.assign({}, a, { source: n }),
  'Object.assign({}, a, { three })': (a, n) => Object.assign({}, a, { source: n, status: 'NEW', kind: 'Measure' }),
  'assigned onto a class instance (src/graph/map-node.ts)': (a, n) =>
    Object.assign(new Mapped(), { kind: 'Measure', id: a.id, code: a.code, name: a.name }, { source: n }),
  'spread into a class instance (the mapping before)': (a, n) =>
    Object.assign(new Mapped(), { kind: 'Measure', id: a.id }, { ...{ code: a.code, name: a.name }, source: n }),
};

function nsPerObject(build) {
  let kept = 0;
  const started = process.hrtime.bigint();
  for (let n = 0; n < PER_ROUND / STORED.length; n++) {
    for (const stored of STORED) kept += build(stored, n) === null ? 0 : 1;
  }
  return Number(process.hrtime.bigint() - started) / kept;
}

const samples = Object.fromEntries(Object.keys(WAYS).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, build] of Object.entries(WAYS)) samples[name].push(nsPerObject(build));
}
process.stdout.write(`Node ${process.version} (V8 ${process.versions.v8}), median of ${rounds} rounds\n\n`);
process.stdout.write('| way of building the object | ns per object |\n| --- | --- |\n');
for (const [name, list] of Object.entries(samples)) {
  process.stdout.write(`| ${name} | ${median(list).toFixed(0)} |\n`);
}
