#!/usr/bin/env node
// What a compiled executor (graphql-jit) keeps in the V8 heap, against the length of the code it generated, and
// what is left once it is dropped, with V8's compilation cache on and off (src/platform/graphql/compiled-execution.ts,
// src/platform/graphql/compilation-cache.ts). Compiles --docs distinct operations of bench/lib/distinct-operations.js
// (wide and narrow alternately) in this process, no database; forces collections between the steps.
//
// Usage: npm run build, then node --expose-gc bench/investigations/compiled-executor-size.js [--docs 60] [--cache on|off]
// Prints, per kind of operation: its text, fields selected, generated code (characters), the heap kept per executor
// and its ratio to the generated code (the ceiling src/platform/graphql/compiled-size.ts takes), compile time, and
// the heap still held after the executors are dropped.
'use strict';
const v8 = require('node:v8');
const { join } = require('node:path');
const { parse } = require('graphql');
const { compileQuery } = require('graphql-jit');
const { readFlags, wholeNumber } = require('../lib/flags');
const { distinctOperation, seededPick } = require('../lib/distinct-operations');
const { serviceAccepts } = require('../lib/service-limits');

const ROOT = join(__dirname, '..', '..');
const { docs, cache } = readFlags(
  { docs: { type: 'string', default: '60' }, cache: { type: 'string', default: 'off' } },
  'node --expose-gc bench/investigations/compiled-executor-size.js [--docs 60] [--cache on|off]',
  (flags) => {
    if (!['on', 'off'].includes(flags.cache)) throw new Error(`--cache is on or off, got '${flags.cache}'`);
    return { docs: wholeNumber('docs', flags.docs, 2, 2000), cache: flags.cache };
  },
);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
if (cache === 'off') v8.setFlagsFromString('--no-compilation-cache');

const MIB = 1024 * 1024;
function heapUsed() {
  globalThis.gc();
  globalThis.gc();
  return v8.getHeapStatistics().used_heap_size;
}

async function main() {
  const { graphSchema } = require(join(ROOT, 'dist', 'src', 'schema.js'));
  const { expandedSelectionSize } = require(
    join(ROOT, 'dist', 'src', 'platform', 'graphql', 'expanded-selection-size.js'),
  );
  const schema = await graphSchema();
  const accepts = serviceAccepts(ROOT, schema);
  const pick = seededPick(20261127);
  const rows = [];
  for (const wide of [true, false]) {
    const documents = Array.from({ length: docs / 2 }, (_, i) =>
      parse(distinctOperation(schema, pick, `${wide ? 'w' : 'n'}${i}`, { wide, accepts })),
    );
    const fields = documents.reduce((sum, d) => sum + expandedSelectionSize(schema, d, d.definitions[0], 1e9), 0);
    const text = documents.reduce((sum, d) => sum + (d.loc?.end ?? 0), 0);
    const before = heapUsed();
    let code = 0;
    const started = performance.now();
    let kept = documents.map((document) => {
      const compiled = compileQuery(schema, document, undefined, { debug: true });
      // The generated code, kept on the executor only with `debug`; its length read, the copy let go.
      code += compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation.length;
      delete compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
      return compiled;
    });
    const compileMs = (performance.now() - started) / documents.length;
    const compiled = heapUsed();
    kept = undefined;
    const dropped = heapUsed();
    const n = documents.length;
    rows.push({
      kind: wide ? 'wide' : 'narrow',
      operations: n,
      'text (chars)': Math.round(text / n),
      fields: Math.round(fields / n),
      'generated code (chars)': Math.round(code / n),
      'kept per executor (KiB)': Math.round((compiled - before) / n / 1024),
      'bytes per code char': Number(((compiled - before) / code).toFixed(2)),
      'compile (ms)': Number(compileMs.toFixed(1)),
      'left after drop (MiB)': Number(((dropped - before) / MIB).toFixed(1)),
    });
    void kept;
  }
  process.stdout.write(`V8 compilation cache ${cache}\n`);
  console.table(rows);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
