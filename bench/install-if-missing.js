#!/usr/bin/env node
// Installs bench/'s own dependencies (`npm --prefix bench ci`) when any of them is missing or at another
// version than bench/package.json pins, so `npm run bench` works on a fresh clone and stays quiet after.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const BENCH = __dirname;
const wanted = JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8')).dependencies;
const installedVersion = (name) => {
  const file = join(BENCH, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
};
const stale = Object.entries(wanted).filter(([name, version]) => installedVersion(name) !== version);
if (stale.length > 0) {
  process.stderr.write(`bench: installing its dependencies (${stale.map(([name]) => name).join(', ')})…\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['--prefix', BENCH, 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
