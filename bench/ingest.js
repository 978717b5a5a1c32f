#!/usr/bin/env node
// `npm run bench:ingest` (after `npm run build`): how long the ingestion takes to read the five documents into the
// graph, from the text files (seed/sources/) and from their PDFs (printed by Chromium as the PDF tests print them:
// tests/helpers/document-pdf.ts), each read in a fresh Node process (the compiled build, as `npm run ingest` runs
// it), the median of the rounds. Only the reading is timed: Node's start and loading the modules are not. Each
// build reads with its own checkout's reference files and corrections, so two commits' graphs may differ: the
// table gives each one's size.
//
// Flags: --rounds <7>
//        --baseline <checkout of another commit, built>: that commit's ingestion reads the same files in the same
//        rounds, the two alternated, so "before and after" is one run on one machine
//        --docs: replace the table in docs/benchmarks.md
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { readFlags, wholeNumber } = require('./lib/flags');
const { commandLine, commit, replaceBenchmarkTable } = require('./lib/benchmarks-doc');
const { fixed, markdownTable, median, ratio } = require('./lib/statistics');
const { allowTypeScriptRequire } = require('./lib/typescript-require');

const ROOT = join(__dirname, '..');
const USAGE = 'npm run bench:ingest -- [--rounds 7] [--baseline ../other-checkout] [--docs]';

const { rounds, baseline, docs } = readFlags(
  {
    rounds: { type: 'string', default: '7' },
    baseline: { type: 'string', default: '' },
    docs: { type: 'boolean', default: false },
  },
  USAGE,
  (flags) => ({
    rounds: wholeNumber('rounds', flags.rounds, 1, 50),
    baseline: flags.baseline ? builtCheckout(flags.baseline) : undefined,
    docs: flags.docs,
  }),
);

/** A checkout's compiled build, and its commit (the table names it). */
function builtCheckout(checkout) {
  const dist = resolve(checkout, 'dist');
  if (!existsSync(join(dist, 'src', 'ingest', 'ingest.js'))) {
    throw new Error(`${checkout}: no build of the ingestion (dist/src/ingest/ingest.js); run \`npm run build\` there`);
  }
  return { dist, commit: commit(resolve(checkout)) };
}

/** Reads the folder's five documents in a fresh process with the build in `dist`: the milliseconds, the graph's size. */
const READ_ONCE = `
const [dist, folder] = process.argv.slice(1);
require(require.resolve('reflect-metadata', { paths: [dist] }));
const { ingest } = require(dist + '/src/ingest/ingest.js');
const { readSourceDocuments } = require(dist + '/src/ingest/source-directory.js');
const started = performance.now();
readSourceDocuments(folder).then((documents) => {
  const graph = ingest(documents, folder);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, nodes: graph.nodes.length, relationships: graph.relationships.length }));
});`;

function readOnce(dist, folder) {
  const output = execFileSync(process.execPath, ['-e', READ_ONCE, dist, folder], { encoding: 'utf8', cwd: ROOT });
  return JSON.parse(output);
}

/** The five documents printed to PDF as the PDF tests print them, in a new folder. */
async function printedPdfs() {
  allowTypeScriptRequire();
  require('reflect-metadata');
  const { documentHtml, printPdf } = require(join(ROOT, 'tests', 'helpers', 'document-pdf.ts'));
  const { launchOfflineBrowser } = require(join(ROOT, 'tests', 'helpers', 'offline-browser.ts'));
  const { SOURCE_FILES } = require(join(ROOT, 'dist', 'src', 'ingest', 'merge', 'read-documents.js'));
  const folder = mkdtempSync(join(tmpdir(), 'honjo-bench-ingest-'));
  const browser = await launchOfflineBrowser();
  try {
    for (const name of Object.values(SOURCE_FILES)) {
      const text = readFileSync(join(ROOT, 'seed', 'sources', name), 'utf8');
      writeFileSync(join(folder, name.replace(/\.txt$/, '.pdf')), await printPdf(browser, documentHtml(text)));
    }
  } finally {
    await browser.close();
  }
  return folder;
}

async function main() {
  const ours = { dist: join(ROOT, 'dist'), commit: commit() };
  if (!existsSync(join(ours.dist, 'src', 'ingest', 'ingest.js'))) throw new Error('run `npm run build` first');
  process.stderr.write('printing the five documents to PDF…\n');
  const pdfFolder = await printedPdfs();
  const inputs = [
    { name: 'text files (seed/sources/)', folder: join(ROOT, 'seed', 'sources') },
    { name: 'PDFs (Chromium, tagged, A4)', folder: pdfFolder },
  ];
  const systems = baseline ? [ours, baseline] : [ours];
  try {
    const times = inputs.map(() => systems.map(() => []));
    const sizes = new Map();
    for (let round = 1; round <= rounds; round++) {
      inputs.forEach((input, i) => {
        // Alternated: the first system of a round is the second of the next.
        const order = round % 2 === 1 ? systems : [...systems].reverse();
        for (const system of order) {
          const { ms, nodes, relationships } = readOnce(system.dist, input.folder);
          times[i][systems.indexOf(system)].push(ms);
          sizes.set(`${input.name}/${systems.indexOf(system)}`, `${nodes} nodes, ${relationships} relationships`);
        }
      });
      process.stderr.write(`round ${round}/${rounds} done\n`);
    }
    const header = [
      'documents',
      `ours (${ours.commit}), ms`,
      ...(baseline ? [`base (${baseline.commit}), ms`, 'ours ÷ base'] : []),
      'graph read (ours)',
      ...(baseline ? ['graph read (base)'] : []),
    ];
    const rows = inputs.map((input, i) => {
      const [mine, theirs] = times[i].map(median);
      const graphs = systems.map((_, s) => sizes.get(`${input.name}/${s}`) ?? '–');
      return [input.name, fixed(mine, 0), ...(baseline ? [fixed(theirs, 0), ratio(mine, theirs)] : []), ...graphs];
    });
    const report = [
      markdownTable(header, rows),
      '',
      `Median of ${rounds} rounds, each a fresh Node process reading the five documents (module loading not timed)` +
        (baseline ? ', the two builds alternated within each round.' : '.'),
    ].join('\n');
    process.stdout.write(`${report}\n`);
    if (docs) process.stdout.write(`wrote ${await replaceBenchmarkTable('ingest', commandLine(), report)}\n`);
  } finally {
    rmSync(pdfFolder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
