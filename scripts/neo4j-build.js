#!/usr/bin/env node
// Builds the embedded-Neo4j launcher (neo4j/) with Maven when its jar is missing or stale, so `npm start`
// and `npm test` work on a fresh clone and skip the build afterwards. Staleness is a hash of the launcher's
// pom.xml and Java sources and of the Java that runs it, stored beside the jar; `--force` rebuilds regardless.
// Then it makes the launcher's class archive when it is missing (scripts/neo4j-class-archive.js).
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');
const { ARCHIVE, ensureClassArchive } = require('./neo4j-class-archive');
const { scriptArguments } = require('./script-arguments');

const root = join(__dirname, '..', 'neo4j');
const jar = join(root, 'target', 'embedded-neo4j.jar');
const stamp = join(root, 'target', 'build-inputs.sha256');

function inputs(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'target' ? [] : inputs(path);
    return [path];
  });
}

/** Which Java runs the launcher: a class archive is valid only for the JVM that wrote it. */
function javaVersion() {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return `${result.stderr ?? ''}${result.stdout ?? ''}`.trim();
}

function inputHash() {
  const hash = createHash('sha256');
  hash.update(javaVersion()).update('\0');
  for (const path of inputs(root).sort()) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

const USAGE = [
  'usage: node scripts/neo4j-build.js [--force] [--unless-external]',
  '  --force            rebuild even when the launcher is current',
  '  --unless-external  do nothing when NEO4J_URI is set (in the environment or .env): the service then uses that',
  '                     database and needs neither Java nor Maven (`npm start` passes it)',
].join('\n');
const { values: args } = scriptArguments(process.argv.slice(2), {
  usage: USAGE,
  options: { force: { type: 'boolean' }, 'unless-external': { type: 'boolean' } },
});
if (args['unless-external'] && externalDatabaseUri() !== undefined) return;

/** NEO4J_URI as the service will read it: the environment first, else `.env` (Node's --env-file precedence). */
function externalDatabaseUri() {
  if (process.env.NEO4J_URI) return process.env.NEO4J_URI;
  const envFile = join(__dirname, '..', '.env');
  if (!existsSync(envFile)) return undefined;
  return require('node:util').parseEnv(readFileSync(envFile, 'utf8')).NEO4J_URI || undefined;
}

const force = args.force === true;
const wanted = inputHash();
const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (!force && existsSync(jar) && current === wanted) {
  ensureClassArchive().then(() => process.exit(0));
  return;
}

console.log('embedded Neo4j: building the launcher with Maven (first run downloads Neo4j from Maven Central)…');
const started = Date.now();
const result = spawnSync(
  'mvn',
  ['-q', '-B', '-Dstyle.color=never', '-f', join(root, 'pom.xml'), 'package', '-DskipTests'],
  { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
);
// Maven 3.8 prints colour resets even with -Dstyle.color=never; pass on only the real output.
const plain = (text) => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim();
if (plain(result.stdout)) console.log(plain(result.stdout));
if (plain(result.stderr)) console.error(plain(result.stderr));
if (result.error) {
  console.error(`embedded Neo4j: could not run Maven (${result.error.message}); install Maven 3 and Java 17`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`embedded Neo4j: Maven build failed with exit code ${result.status}`);
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, `${wanted}\n`);
console.log(`embedded Neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
// A new jar invalidates the archive of the old one.
rmSync(ARCHIVE, { force: true });
ensureClassArchive();
