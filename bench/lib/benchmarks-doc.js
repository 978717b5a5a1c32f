'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const { arch, cpus, platform, totalmem } = require('node:os');
const { isAbsolute, join, relative } = require('node:path');

/**
 * docs/benchmarks.md holds one current table per benchmark, replaced by a run with `--docs`, never appended
 * (history is git's). Each benchmark's block sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`;
 * what is between them is replaced with the date, commit, command and machine, then the run's report,
 * formatted by the project's Prettier so `npm run lint` stays clean.
 */
const ROOT = join(__dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'benchmarks.md');

/** The commit checked out in `checkout` (this one by default), and whether it has changes on top. */
function commit(checkout = ROOT) {
  const git = (...args) => execFileSync('git', args, { cwd: checkout, encoding: 'utf8' }).trim();
  try {
    const hash = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? hash : `${hash} plus uncommitted changes`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function machine() {
  const list = cpus();
  const model = list[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${list.length} × ${model}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.version}`;
}

/** How this run was started, for the stamp: `node bench/compare.js --docs`. */
function commandLine() {
  // A path given whole (a baseline's checkout) is written from the repository, as a reader would type it: the
  // table must not name a directory of the machine that measured it.
  const fromRoot = (path) => (isAbsolute(path) ? relative(ROOT, path) || '.' : path);
  const argument = (arg) => {
    const [, flag = '', value] = /^(--[^=]+=)?(.*)$/s.exec(arg) ?? [];
    return flag + fromRoot(value ?? arg);
  };
  return ['node', relative(ROOT, process.argv[1] ?? ''), ...process.argv.slice(2).map(argument)].join(' ');
}

/** Replaces the block of benchmark `name` in docs/benchmarks.md with `report`; returns the file's path. */
async function replaceBenchmarkTable(name, command, report) {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const text = readFileSync(DOC, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${start} … ${end} block to replace`);
  const stamp =
    `Measured ${new Date().toISOString().slice(0, 10)} at commit ${commit()} with \`${command}\`, ` +
    `on ${machine()}.`;
  const replaced = `${text.slice(0, from + start.length)}\n\n${stamp}\n\n${report.trim()}\n\n${text.slice(to)}`;
  const prettier = require(join(ROOT, 'node_modules', 'prettier'));
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(replaced, { ...options, filepath: DOC }));
  return DOC;
}

module.exports = { commandLine, commit, replaceBenchmarkTable };
