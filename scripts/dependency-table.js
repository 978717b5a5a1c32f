// The contributors' guide lists every direct dependency held a major behind, with the reason, in one table
// between `<!-- dependency-table -->` markers. This keeps that table honest, in two ways:
// - against package.json and what is installed (offline; tests/unit/docs/dependency-table.test.ts): every row
//   names a direct dependency, installed on the major the row says, which is behind the latest the row says;
// - against the registry (`node scripts/dependency-table.js`, which runs `npm outdated --json`): every direct
//   dependency whose latest release is a major ahead has a row, and every row is still behind.
// A "major" is the first version number, or the first two for 0.x (where each minor may break).
// Usage: node scripts/dependency-table.js [guide]   (run it under the Node of .nvmrc: npm hides releases whose
// `engines` the running Node does not meet)
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const GUIDE = join(ROOT, 'docs', 'contributors.md');
const START = '<!-- dependency-table -->';
const END = '<!-- /dependency-table -->';

/** `16.15.0` → `16`, `0.223.1` → `0.223`. */
function majorOf(version) {
  const [first = '', second = ''] = String(version).split('.');
  return first === '0' ? `0.${second}` : first;
}

/** Compares two majors as version numbers (`0.223` < `0.301` < `1` < `16` < `17`). */
function compareMajors(a, b) {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** The table's rows: `{ name, heldAt, latest, why }`, from the guide's Markdown. */
function readHeldTable(markdown) {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the guide has no ${START} … ${END} section`);
  return markdown
    .slice(start + START.length, end)
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => {
      const [name = '', heldAt = '', latest = '', why = ''] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return { name: name.replace(/`/g, ''), heldAt, latest, why };
    });
}

/**
 * What is wrong with the table against package.json and the installed versions (`installedVersion(name)`), and,
 * when given, against `npm outdated --json`'s answer. An empty list when it is in step.
 */
function tableProblems(rows, packageJson, installedVersion, outdated) {
  const direct = { ...packageJson.dependencies, ...packageJson.devDependencies };
  const problems = [];
  const named = new Set();
  for (const row of rows) {
    if (named.has(row.name)) problems.push(`${row.name}: listed twice`);
    named.add(row.name);
    if (!(row.name in direct)) {
      problems.push(`${row.name}: not a direct dependency in package.json`);
      continue;
    }
    if (row.why.length < 20) problems.push(`${row.name}: no reason given`);
    const installed = majorOf(installedVersion(row.name));
    if (installed !== row.heldAt) problems.push(`${row.name}: the table says ${row.heldAt}, ${installed} is installed`);
    if (compareMajors(row.latest, row.heldAt) <= 0) {
      problems.push(`${row.name}: held at ${row.heldAt} but the latest is ${row.latest}: not behind, drop the row`);
    }
  }
  if (outdated !== undefined) {
    for (const [name, info] of Object.entries(outdated)) {
      if (!(name in direct) || info.latest === undefined || info.current === undefined) continue;
      const behind = compareMajors(majorOf(info.latest), majorOf(info.current)) > 0;
      const row = rows.find((candidate) => candidate.name === name);
      if (behind && row === undefined) {
        problems.push(`${name}: ${info.current} is a major behind ${info.latest}: upgrade it or give the reason`);
      } else if (behind && row !== undefined && row.latest !== majorOf(info.latest)) {
        problems.push(`${name}: the table says the latest is ${row.latest}, the registry has ${info.latest}`);
      }
    }
    for (const row of rows) {
      const info = outdated[row.name];
      if (info === undefined || compareMajors(majorOf(info.latest), majorOf(info.current)) <= 0) {
        problems.push(`${row.name}: no longer a major behind: drop its row`);
      }
    }
  }
  return problems;
}

/** The version installed in node_modules (what `npm ci` put there from the lock file). */
function installedVersion(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

if (require.main === module) {
  const { positionals } = require('./script-arguments').scriptArguments(process.argv.slice(2), {
    usage: 'usage: node scripts/dependency-table.js [guide]   (default docs/contributors.md; asks the registry)',
    maxPositionals: 1,
  });
  const guide = positionals[0] ?? GUIDE;
  // `npm outdated` exits 1 whenever something is outdated; its JSON is on stdout all the same.
  let answer;
  try {
    answer = execFileSync('npm', ['outdated', '--json'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    answer = error.stdout;
  }
  const problems = tableProblems(
    readHeldTable(readFileSync(guide, 'utf8')),
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')),
    installedVersion,
    JSON.parse(answer || '{}'),
  );
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(`dependency table: ${problems.length} problem(s) against package.json and the registry\n`);
  process.exit(problems.length === 0 ? 0 : 1);
}

module.exports = { majorOf, readHeldTable, tableProblems, installedVersion };
