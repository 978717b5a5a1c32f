'use strict';
// Where the restart of the embedded Neo4j after a SIGKILL spends its time, per JVM option set, in alternated
// rounds (the machine is shared: variants are compared within one run, by their medians).
//
// One store is made once (the schema of cypher/schema/ and a small graph, then a checkpoint's wait), and each
// round: the launcher starts on it with a variant's JVM options, its first planned read is timed, the read
// statements of cypher/ are run once (as after a restart), then it is SIGKILLed and started again, and the
// phases of that restart are read from the launcher's stdout and Neo4j's own debug.log (millisecond stamps):
//
//   jvm        kill -> Neo4j's first log line of the new start (JVM start, class loading up to Neo4j's logging)
//   dbms       -> the `system` database starts (the DBMS's global components, Bolt loaded)
//   system     -> the `system` database is ready (its recovery when needed, security components)
//   neo4j      -> the `neo4j` database is ready (its recovery when needed, its indexes)
//   bolt       -> the launcher's `ready` line (Bolt on)
//   first read -> the first of the service's read statements answered (planned on the fresh JVM)
//   all reads  -> every read statement of cypher/ answered once, one at a time
//
// Usage: node bench/investigations/database-restart-phases.js [--rounds N] [--variants a,b,…] [--log]
// The variants are named in VARIANTS below. Loopback only; every launcher it starts is stopped before it ends.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { createInterface } = require('node:readline');
const { parseArgs } = require('node:util');
const { freePort } = require('../lib/free-port');

const ROOT = join(__dirname, '..', '..');
const neo4j = require(join(ROOT, 'node_modules', 'neo4j-driver'));
const TARGET = join(ROOT, 'neo4j', 'target');
const JAR = join(TARGET, 'embedded-neo4j.jar');
const ARCHIVE = join(TARGET, 'embedded-neo4j.jsa');

/** The JVM options compared; `base` is what src/db/embedded-neo4j.ts passed before this investigation. */
const VARIANTS = {
  base: ['-XX:+UseG1GC'],
  serial: ['-XX:+UseSerialGC'],
  c1: ['-XX:+UseG1GC', '-XX:TieredStopAtLevel=1'],
  'serial-c1': ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
  'serial-noperf': ['-XX:+UseSerialGC', '-XX:-UsePerfData'],
  'no-archive': ['-XX:+UseG1GC', '-Xshare:off'],
};

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    variants: { type: 'string', default: 'base,serial' },
    log: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(flags.rounds);
const NAMES = flags.variants.split(',');
for (const name of NAMES) if (!VARIANTS[name]) throw new Error(`no variant '${name}' (${Object.keys(VARIANTS)})`);
/** A start that takes longer than this fails the round (and the launcher is killed). */
const START_BOUND_MS = 180_000;

/** The service's read statements: every cypher/ file that writes nothing (schema and fragments aside). */
function readStatements(directory = join(ROOT, 'cypher')) {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return name === 'schema' || name === 'fragments' ? [] : readStatements(path);
      if (!name.endsWith('.cypher')) return [];
      const text = readFileSync(path, 'utf8')
        .replace(/^\s*\/\/.*$/gm, '')
        .trim();
      return /\b(CREATE|MERGE|SET|DELETE|REMOVE|DETACH|CALL\s*\{)\b/i.test(text) ? [] : [{ name: path, text }];
    });
}

function nullParameters(text) {
  return Object.fromEntries([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => [match[1], null]));
}

/** Starts the launcher on `home`; resolves when it printed `ready`, with its process and the spawn time. */
function startLauncher(variant, home, port, password) {
  const archive = existsSync(ARCHIVE) ? [`-XX:SharedArchiveFile=${ARCHIVE}`] : [];
  const args = ['-Xmx1024m', ...VARIANTS[variant], ...archive, '-jar', JAR, `--home=${home}`, `--port=${port}`];
  const spawnedAt = Date.now();
  const child = spawn('java', [...args, '--exit-on-stdin-close'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  child.stdin.write(`${password}\n\n`);
  const errors = [];
  child.stderr.on('data', (chunk) => errors.push(String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('no ready line in time'));
    }, START_BOUND_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('ready ')) return;
      clearTimeout(timer);
      resolve({ child, spawnedAt, readyAt: Date.now() });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited with ${code}: ${errors.join('').slice(-500)}`));
    });
  });
}

function killAndWait(child) {
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  return gone;
}

/** Epoch ms of a debug.log line (`2026-11-28 08:35:12.345+0000 INFO …`), or undefined. */
function stampOf(line) {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})([+-]\d{4})/.exec(line);
  if (!match) return undefined;
  const zone = `${match[3].slice(0, 3)}:${match[3].slice(3)}`;
  return Date.parse(`${match[1]}T${match[2]}${zone}`);
}

/** The debug.log lines written since `offset` (characters), with their stamps. */
function logSince(home, offset) {
  const text = readFileSync(join(home, 'logs', 'debug.log'), 'utf8');
  return {
    length: text.length,
    lines: text
      .slice(offset)
      .split('\n')
      .map((line) => ({ line, at: stampOf(line) }))
      .filter((entry) => entry.at !== undefined),
  };
}

function debugLogLength(home) {
  const path = join(home, 'logs', 'debug.log');
  return existsSync(path) ? readFileSync(path, 'utf8').length : 0;
}

/** Runs the read statements one at a time; the time the first and the last answered (epoch ms). */
async function planReads(driver, statements) {
  let firstAt;
  let failed = 0;
  for (const statement of statements) {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    try {
      await session.run(statement.text, nullParameters(statement.text));
    } catch {
      failed += 1;
    } finally {
      await session.close();
    }
    firstAt ??= Date.now();
  }
  return { firstAt, lastAt: Date.now(), failed };
}

/** The schema of cypher/schema/ and a small graph, so that recovery and planning have indexes and data. */
async function prepareStore(driver) {
  const schemaDirectory = join(ROOT, 'cypher', 'schema');
  for (const file of readdirSync(schemaDirectory).sort()) {
    const commands = readFileSync(join(schemaDirectory, file), 'utf8')
      .replace(/^\s*\/\/.*$/gm, '')
      .split(/;\s*$/m)
      .map((command) => command.trim())
      .filter(Boolean);
    for (const command of commands) await driver.executeQuery(command).catch(() => undefined);
  }
  await driver.executeQuery(
    `UNWIND range(1, 5000) AS i
     CREATE (m:Entity:Measure {id: 'measure:' + i, name: 'measure ' + i, year: 2020 + i % 5})
     WITH m, i MERGE (d:Entity:Department {id: 'department:' + (i % 40)}) CREATE (d)-[:OWNS]->(m)`,
  );
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor((sorted.length - 1) / 2)];
};
const seconds = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)}`);

async function main() {
  const home = mkdtempSync(join(tmpdir(), 'honjo-restart-phases-'));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const statements = readStatements();
  let running;
  const stopAll = () => running?.child.kill('SIGKILL');
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  const results = Object.fromEntries(NAMES.map((name) => [name, []]));
  try {
    running = await startLauncher(NAMES[0], home, port, password);
    let driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
    await prepareStore(driver);
    await driver.close();
    // The launcher checkpoints every 10 s: the graph is then in the store, as in a service that ran a while.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    process.stderr.write(`store ready; ${statements.length} read statements; ${ROUNDS} rounds of ${NAMES}\n`);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? NAMES : [...NAMES].reverse();
      for (const variant of order) {
        // A JVM of this variant that has served (and checkpointed) is killed; its restart is the one timed.
        await killAndWait(running.child);
        running = await startLauncher(variant, home, port, password);
        driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
        await planReads(driver, statements);
        await driver.close();
        const offset = debugLogLength(home);
        const load = require('node:os').loadavg()[0];
        await killAndWait(running.child);
        const killedAt = Date.now();
        running = await startLauncher(variant, home, port, password);
        driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
        const reads = await planReads(driver, statements);
        await driver.close();
        const { lines } = logSince(home, offset);
        const first = lines[0]?.at;
        const at = (pattern) => lines.find((entry) => pattern.test(entry.line))?.at;
        const systemStarting = at(/Starting 'DatabaseId\{[0-9a-f]+\[system\]\}'/);
        const systemReady = at(/DatabaseId\{[0-9a-f]+\[system\]\} is ready/);
        const neo4jReady = at(/DatabaseId\{[0-9a-f]+\[neo4j\]\} is ready/);
        const row = {
          load,
          jvm: first - killedAt,
          dbms: systemStarting - first,
          system: systemReady - systemStarting,
          neo4j: neo4jReady - systemReady,
          bolt: running.readyAt - neo4jReady,
          toReady: running.readyAt - killedAt,
          firstRead: reads.firstAt - running.readyAt,
          allReads: reads.lastAt - running.readyAt,
          failed: reads.failed,
        };
        results[variant].push(row);
        process.stderr.write(
          `round ${round + 1} ${variant}: load ${load.toFixed(1)}, ready +${seconds(row.toReady)} s ` +
            `(jvm ${seconds(row.jvm)}, dbms ${seconds(row.dbms)}, system ${seconds(row.system)}, ` +
            `neo4j ${seconds(row.neo4j)}, bolt ${seconds(row.bolt)}), first read +${seconds(row.firstRead)}, all +${seconds(row.allReads)}\n`,
        );
        if (flags.log)
          for (const entry of lines)
            process.stderr.write(`  +${seconds(entry.at - killedAt)} ${entry.line.slice(29, 200)}\n`);
      }
    }
  } finally {
    stopAll();
    rmSync(home, { recursive: true, force: true });
  }
  const columns = ['jvm', 'dbms', 'system', 'neo4j', 'bolt', 'toReady', 'firstRead', 'allReads'];
  console.log(`| variant | rounds | ${columns.join(' | ')} | (median s) |`);
  for (const name of NAMES) {
    const rows = results[name];
    console.log(
      `| ${name} | ${rows.length} | ${columns.map((c) => seconds(median(rows.map((r) => r[c])))).join(' | ')} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
