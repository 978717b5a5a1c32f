'use strict';
/**
 * Preloaded into our service by bench/statement-profile.js (node's `-r`): every statement the service runs in an
 * auto-commit session (all its reads) is appended to CAPTURE_STATEMENTS_FILE as one JSON line, `{ text, params }`,
 * with the driver's integers written as `{ "$int": "<decimal>" }` so the profile can send them back as integers
 * (a LIMIT refuses a float). A benchmark's instrument only: the service itself never writes its statements out.
 */
const { appendFileSync } = require('node:fs');
const { join } = require('node:path');

const file = process.env.CAPTURE_STATEMENTS_FILE;
if (!file) throw new Error('capture-statements.js needs CAPTURE_STATEMENTS_FILE');

// The service's own copy of the driver's core, resolved from the repository root, is the one whose sessions run.
const core = require(require.resolve('neo4j-driver-core', { paths: [join(__dirname, '..', '..')] }));

function encode(value) {
  if (core.isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encode(inner)]));
  }
  return value;
}

const run = core.Session.prototype.run;
core.Session.prototype.run = function capturedRun(text, params, config) {
  appendFileSync(file, `${JSON.stringify({ text, params: encode(params ?? {}) })}\n`);
  return run.call(this, text, params, config);
};
