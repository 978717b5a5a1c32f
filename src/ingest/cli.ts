import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { SEED_GRAPH_PATH } from './load/seed-file';
import { ingest, serializeGraph } from './ingest';

/**
 * `npm run ingest`: parses seed/sources/ with the corrections applied, merges, and writes seed/graph.json.
 * A malformed document stops here (exit 1) with its name, line and what was expected; nothing is written.
 */
function main(): void {
  const started = Date.now();
  process.stdout.write('ingesting seed/sources/ (5 documents)…\n');
  const graph = ingest();
  writeFileSync(SEED_GRAPH_PATH, serializeGraph(graph));
  const count = <T>(items: readonly T[], key: (item: T) => string): string =>
    [...items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>())]
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
  process.stdout.write(
    [
      `nodes (${graph.nodes.length}): ${count(graph.nodes, (n) => n.label)}`,
      `relationships (${graph.relationships.length}): ${count(graph.relationships, (r) => r.type)}`,
      `unresolved references: ${graph.unresolved.length}`,
      ...graph.unresolved.map((u) => `  ${u.sourceDocument}:${u.sourceLine}: ${u.from} → ${u.kind} '${u.name}'`),
      `discrepancies: ${graph.discrepancies.length}`,
      ...graph.discrepancies.map((d) => `  ${d.sourceDocument}:${d.sourceLine}: ${d.subject}: ${d.message}`),
      `wrote ${relative(PROJECT_ROOT, SEED_GRAPH_PATH)} in ${Date.now() - started} ms`,
      '',
    ].join('\n'),
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
