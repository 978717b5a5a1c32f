#!/usr/bin/env node
// `npm run test:unit -- read` and `npm run test:integration -- db platform/http`: one tier's tests, of the
// areas named (folders of tests/<tier>/ that mirror src/: read, db, platform/http, ingest, …), or all of them.
// Jest's own path argument is a regular expression over the whole path (`read` would also pick
// tests/unit/db/recent-reads.test.ts), so each area is anchored to its folder here. Other arguments (`-t name`,
// `--watch`) pass through to jest.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const TIERS = {
  unit: ['--selectProjects', 'unit'],
  // Integration tests share one Neo4j and the machine's cores with it: one file at a time.
  integration: ['--selectProjects', 'integration', '--runInBand'],
};

function main(argv) {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(`usage: test-tier.js ${Object.keys(TIERS).join('|')} [area…] [jest options]`);
    return 0;
  }
  const [tier, ...rest] = argv;
  const tierArgs = TIERS[tier];
  if (!tierArgs) {
    console.error(`usage: test-tier.js ${Object.keys(TIERS).join('|')} [area…] [jest options]`);
    return 2;
  }
  const areas = [];
  const passThrough = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('-')) {
      passThrough.push(arg);
      // An option's value (`-t name`) is not an area.
      if (!arg.includes('=') && i + 1 < rest.length && !rest[i + 1].startsWith('-')) passThrough.push(rest[++i]);
    } else areas.push(arg.replace(/^tests\/(unit|integration)\//, '').replace(/\/+$/, ''));
  }
  const unknown = areas.filter((area) => !existsSync(join(__dirname, '..', 'tests', tier, area)));
  if (unknown.length > 0) {
    console.error(`no such area under tests/${tier}/: ${unknown.join(', ')}`);
    return 2;
  }
  const patterns = areas.map((area) => `tests/${tier}/${area}/`);
  const jest = require.resolve('jest/bin/jest');
  // Patterns first: `--selectProjects` takes every word after it as a project name.
  const result = spawnSync(process.execPath, [jest, ...patterns, ...tierArgs, ...passThrough], { stdio: 'inherit' });
  return result.status ?? 1;
}

process.exit(main(process.argv.slice(2)));
