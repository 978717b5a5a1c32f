// Makes the class archive of the embedded Neo4j (Java's application class-data sharing, a dynamic CDS
// archive): a training run of the launcher loads the classes that starting Neo4j and planning the project's
// statements need, and the JVM writes them, parsed and verified, to neo4j/target/embedded-neo4j.jsa when it
// exits. Every later start maps that file instead of loading and verifying those classes again: the launcher
// was ready in 3.6 s instead of 5.7 s, and the first plans after a restart came sooner (docs/operators.md
// "Restarts of the embedded database"). An archive is only valid for the JVM that wrote it and for the same
// class path, which Java checks by absolute path: the archive of a checkout that was copied or moved (a deploy
// copying a built tree, another working copy) no longer matched, and the JVM ignored it without a word beyond
// a warning in its own log. So it is stamped with the jar's absolute path and the launcher's build stamp (its
// sources and Java), and made again when the stamp differs.
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

const ROOT = join(__dirname, '..');
const TARGET = join(ROOT, 'neo4j', 'target');
const ARCHIVE = join(TARGET, 'embedded-neo4j.jsa');
const JAR = join(TARGET, 'embedded-neo4j.jar');
/** The launcher's JVM options besides its heap, shared with src/db/embedded-neo4j.ts. */
const JVM_OPTIONS = join(ROOT, 'neo4j', 'jvm-options.json');
/** What the archive was made for (see `archiveStamp`), beside it. */
const ARCHIVE_STAMP = `${ARCHIVE}.stamp`;
/** The launcher's build stamp (scripts/neo4j-build.js): a hash of its sources and of the Java that runs it. */
const BUILD_STAMP = join(TARGET, 'build-inputs.sha256');
/** How long the training run may take before it is given up (the service then runs without an archive). */
const TRAINING_TIMEOUT_MS = 300_000;

function javaExecutable() {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Every statement file of cypher/ (fragments included: planning them loads the same classes, or fails harmlessly). */
function statementFiles(directory = join(ROOT, 'cypher')) {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? statementFiles(path) : name.endsWith('.cypher') ? [path] : [];
    });
}

/** A statement's `$parameters`, each bound to null: enough to plan it, and to run it where null is allowed. */
function nullParameters(text) {
  return Object.fromEntries([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => [match[1], null]));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The training run: a launcher with -XX:ArchiveClassesAtExit on a throwaway store, every statement of cypher/
 * run once (schema commands first, the rest with null parameters; their errors are expected and ignored), then
 * stdin closed so the launcher exits through System.exit, which is when the JVM writes the archive.
 */
async function train() {
  const neo4j = require('neo4j-driver');
  const home = mkdtempSync(join(tmpdir(), 'honjo-class-archive-'));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const child = spawn(
    javaExecutable(),
    [
      `-XX:ArchiveClassesAtExit=${ARCHIVE}`,
      '-Xmx512m',
      // The service's own options (src/db/embedded-neo4j.ts), so the run loads what its starts load.
      ...JSON.parse(readFileSync(JVM_OPTIONS, 'utf8')),
      '-jar',
      JAR,
      `--home=${home}`,
      `--port=${port}`,
      '--exit-on-stdin-close',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const errors = [];
  child.stderr.on('data', (chunk) => errors.push(String(chunk)));
  child.stdin.on('error', () => undefined);
  child.stdin.write(`${password}\n\n`);
  const killer = setTimeout(() => child.kill('SIGKILL'), TRAINING_TIMEOUT_MS);
  try {
    await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => String(chunk).includes('ready bolt://') && resolve());
      exited.then((code) => reject(new Error(`the training launcher exited with ${code}: ${errors.join('').trim()}`)));
    });
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
    try {
      for (const file of statementFiles()) {
        const commands = readFileSync(file, 'utf8')
          .split(/;\s*$/m)
          .map((command) => command.trim())
          .filter(Boolean);
        for (const command of commands) {
          const session = driver.session();
          await session.run(command, nullParameters(command)).catch(() => undefined);
          await session.close();
        }
      }
    } finally {
      await driver.close();
    }
    child.stdin.end();
    await exited;
  } finally {
    clearTimeout(killer);
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Says every so often that a long step still runs, so no one-time step is silent for more than 10 s (on a busy
 * machine the training run took minutes): on a terminal one line counting up in place, elsewhere a line every
 * 10 s. Returns the function that stops it (and clears the terminal's line).
 */
function showProgress(label, started, log) {
  const terminal = process.stdout.isTTY === true;
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const timer = setInterval(
    () => (terminal ? process.stdout.write(`\r${label}: ${seconds()} s`) : log(`${label}: ${seconds()} s so far`)),
    terminal ? 1000 : 10_000,
  );
  return () => {
    clearInterval(timer);
    if (terminal) process.stdout.write('\r\u001b[K');
  };
}

/** What an archive made now is valid for: the jar's absolute path (Java checks the class path by it) and build. */
function archiveStamp() {
  const build = existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, 'utf8').trim() : '';
  return `${JAR}\n${build}\n`;
}

/** Whether the archive there was made for this jar, at this path, by this build. */
function archiveIsCurrent() {
  return existsSync(ARCHIVE) && existsSync(ARCHIVE_STAMP) && readFileSync(ARCHIVE_STAMP, 'utf8') === archiveStamp();
}

/**
 * Makes the archive when it is missing or was made for another jar, path or Java; `force` makes it again. Never
 * fails the build: the service runs without.
 */
async function ensureClassArchive({ force = false, log = console.log } = {}) {
  if (archiveIsCurrent() && !force) return;
  rmSync(ARCHIVE, { force: true });
  rmSync(ARCHIVE_STAMP, { force: true });
  const started = Date.now();
  log('embedded Neo4j: making the class archive, once (a training run of the launcher; later starts are faster)');
  const stopProgress = showProgress('embedded Neo4j: class archive training run', started, log);
  try {
    await train();
  } catch (error) {
    stopProgress();
    log(`embedded Neo4j: no class archive (${error.message}); it starts without one, about 2 s slower`);
    return;
  }
  stopProgress();
  if (existsSync(ARCHIVE)) {
    writeFileSync(ARCHIVE_STAMP, archiveStamp());
    log(`embedded Neo4j: class archive made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    log('embedded Neo4j: the training run wrote no class archive; it starts without one, about 2 s slower');
  }
}

module.exports = { ARCHIVE, ensureClassArchive };
