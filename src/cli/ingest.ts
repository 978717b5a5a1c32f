import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { exitWithFailure, messageOf } from './command-failure';
import type { GraphFile } from '../graph/graph-model';
import { PROJECT_ROOT } from '../core/project-root';
import { withProgress } from '../core/progress-while-running';
import { BackupRefusal } from '../write/backup-lines';
import { diffGraphs } from '../ingest/diff/graph-diff';
import { formatDiff } from '../ingest/diff/format-diff';
import { recordsImpact } from '../ingest/diff/orphaned-records';
import { findRecordedSubjects } from '../write/records-source';
import { ingest, serializeGraph, SOURCES_DIRECTORY } from '../ingest/ingest';
import { parseIngestArguments, type IngestArguments } from '../ingest/ingest-arguments';
import { commandUsage } from './command-usage';
import { readSeedFile, SEED_GRAPH_PATH } from '../ingest/load/seed-file';
import { checkSourceDirectory, readSourceDocuments } from '../ingest/source-directory';

// Paths inside the project as the guides write them (seed/graph.json); others as given, made absolute.
const shownPath = (path: string): string => {
  const inside = relative(PROJECT_ROOT, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside || '.';
};
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** The documents read, saying so while it takes long (PDFs of many pages); the parse after is synchronous. */
const readDocuments = (sources: string, say: (line: string) => void) =>
  withProgress(readSourceDocuments(sources), say, 'reading the documents');

/**
 * `npm run ingest`: parses seed/sources/ (or `--sources DIR`) with the corrections applied, merges, and writes
 * seed/graph.json. With `--diff` it prints what the documents change against the committed seed/graph.json
 * (and which recorded results would lose their subject) and writes only with `--write`. A malformed document
 * stops here (exit 1) with its name, line and what was expected; nothing is written.
 */
async function main(args: IngestArguments): Promise<void> {
  const sources = args.sources === undefined ? SOURCES_DIRECTORY : resolve(args.sources);
  checkSourceDirectory(sources);
  if (!args.diff) {
    process.stdout.write(`ingesting ${shownPath(sources)}/ (5 documents)…\n`);
    const started = Date.now();
    const graph = ingest(await readDocuments(sources, (line) => process.stdout.write(`${line}\n`)), sources);
    writeFileSync(SEED_GRAPH_PATH, serializeGraph(graph));
    process.stdout.write(
      [...summaryLines(graph), `wrote ${shownPath(SEED_GRAPH_PATH)} in ${Date.now() - started} ms`, ''].join('\n'),
    );
    return;
  }

  progress(`ingesting ${shownPath(sources)}/ (5 documents)…`);
  let started = Date.now();
  const graph = ingest(await readDocuments(sources, progress), sources);
  progress(`  ${graph.nodes.length} nodes, ${graph.relationships.length} relationships in ${Date.now() - started} ms`);
  const committed = readSeedFile();
  if (committed === undefined) throw new Error(`${shownPath(SEED_GRAPH_PATH)} does not exist: nothing to diff against`);
  const diff = diffGraphs(committed.graph, graph);
  let records;
  if (!args.noRecords) {
    progress(args.records === undefined ? 'reading recorded results from the database…' : `reading ${args.records}…`);
    started = Date.now();
    const found = await findRecordedSubjects(args.records, progress);
    if (found) {
      records = recordsImpact(found.source, found.subjects, committed.graph, graph);
      progress(`  ${found.subjects.length} subjects with records, read in ${Date.now() - started} ms`);
    }
  }
  if (args.write) writeFileSync(SEED_GRAPH_PATH, serializeGraph(graph));
  const written = args.write
    ? `wrote ${shownPath(SEED_GRAPH_PATH)}`
    : `${shownPath(SEED_GRAPH_PATH)} not written (add --write to write it)`;
  if (args.json) {
    const report = {
      sources: shownPath(sources),
      against: shownPath(SEED_GRAPH_PATH),
      diff,
      records,
      written: args.write,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    progress(written);
    return;
  }
  const text = [
    `${shownPath(sources)}/ against ${shownPath(SEED_GRAPH_PATH)}`,
    ...formatDiff(diff, records, { listSourceLines: args.lines }),
    written,
    '',
  ];
  process.stdout.write(text.join('\n'));
}

function summaryLines(graph: GraphFile): string[] {
  const count = <T>(items: readonly T[], key: (item: T) => string): string =>
    [...items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>())]
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
  return [
    `nodes (${graph.nodes.length}): ${count(graph.nodes, (n) => n.label)}`,
    `relationships (${graph.relationships.length}): ${count(graph.relationships, (r) => r.type)}`,
    `unresolved references: ${graph.unresolved.length}`,
    ...graph.unresolved.map((u) => `  ${u.sourceDocument}:${u.sourceLine}: ${u.from} → ${u.kind} '${u.name}'`),
    `discrepancies: ${graph.discrepancies.length}`,
    ...graph.discrepancies.map((d) => `  ${d.sourceDocument}:${d.sourceLine}: ${d.subject}: ${d.message}`),
  ];
}

let args: IngestArguments;
try {
  args = parseIngestArguments(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`ingest: ${messageOf(error)}\n${commandUsage('ingest')}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${commandUsage('ingest')}\n`);
} else {
  main(args).catch((error: unknown) =>
    exitWithFailure('ingest', error, (other) =>
      other instanceof BackupRefusal ? `records backup refused: ${other.message}` : messageOf(other),
    ),
  );
}
