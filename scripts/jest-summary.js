#!/usr/bin/env node
// Prints "N passed, N failed" from a jest --json report (the CI reader does not parse jest's own
// summary). Suites that failed to run count as failures, so a broken import cannot pass silently.
'use strict';
const { existsSync, readFileSync } = require('node:fs');

const { scriptArguments } = require('./script-arguments');

const {
  positionals: [path],
} = scriptArguments(process.argv.slice(2), {
  usage: 'usage: node scripts/jest-summary.js REPORT   (a jest --json report; prints "N passed, N failed")',
  maxPositionals: 1,
});
if (!path || !existsSync(path)) {
  console.log('0 passed, 1 failed');
  console.error(`jest report ${path ?? '(none given)'} not found: the test run did not finish`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const suiteFailures = report.numRuntimeErrorTestSuites ?? 0;
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + suiteFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
