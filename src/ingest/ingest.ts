import { join } from 'node:path';
import type { GraphFile } from '../graph/graph-model';
import { PROJECT_ROOT } from '../core/project-root';
import { loadCorrections } from './corrections';
import { parseEitherReading } from './either-reading';
import { buildGraph } from './merge/build-graph';
import { parseSources, type SourceRole } from './merge/read-documents';
import type { SourceDocument } from './source-document';

export const SOURCES_DIRECTORY = join(PROJECT_ROOT, 'seed', 'sources');
export const REFERENCE_DIRECTORY = join(PROJECT_ROOT, 'seed', 'reference');
export const CORRECTIONS_PATH = join(PROJECT_ROOT, 'seed', 'corrections.yaml');

/**
 * The whole ingestion: raw documents → text fixes → parsers → merge → graph. Pure apart from reading the
 * files, so tests run it on mutated copies (`override`) and compare with the committed seed/graph.json.
 * `sourceDirectory` holds a new edition of the five documents; reference data and corrections stay seed/'s.
 */
export function ingest(
  override: Partial<Record<SourceRole, SourceDocument>> = {},
  sourceDirectory: string = SOURCES_DIRECTORY,
): GraphFile {
  const corrections = loadCorrections(CORRECTIONS_PATH);
  return buildGraph(
    parseEitherReading(override, (documents) =>
      parseSources(sourceDirectory, REFERENCE_DIRECTORY, corrections, documents),
    ),
  );
}

/** seed/graph.json's text for a graph: stable key order, one node or relationship per line for readable diffs. */
export function serializeGraph(graph: GraphFile): string {
  const lines = (items: readonly unknown[]): string => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  return [
    '{',
    `  "nodes": [\n${lines(graph.nodes)}\n  ],`,
    `  "relationships": [\n${lines(graph.relationships)}\n  ],`,
    `  "unresolved": [\n${lines(graph.unresolved)}\n  ],`,
    `  "discrepancies": [\n${lines(graph.discrepancies)}\n  ]`,
    '}',
    '',
  ].join('\n');
}
