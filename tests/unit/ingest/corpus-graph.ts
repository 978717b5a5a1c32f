import { readFileSync } from 'node:fs';
import type { GraphFile } from '../../../src/graph/graph-model';
import { ingest } from '../../../src/ingest/ingest';
import { SEED_GRAPH_PATH } from '../../../src/ingest/load/seed-file';
import { SourceDocument } from '../../../src/ingest/source-document';
import { transformSources, type Transformation } from './extraction-corpus';

/**
 * The check every re-extraction of the corpus must pass: the copy builds seed/graph.json (nodes,
 * relationships, properties, reports), everything identical except source lines, and every source line of
 * a document points at the line where the same text now starts. In-memory (`ingest`), no database.
 */
const committed = JSON.parse(readFileSync(SEED_GRAPH_PATH, 'utf8')) as GraphFile;

/** Every sourceLine in the graph, by a path naming where it sits, and the graph with them removed. */
function splitSourceLines(graph: GraphFile): { lines: Map<string, { document: string; line: number }>; rest: unknown } {
  const lines = new Map<string, { document: string; line: number }>();
  const strip = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => strip(item, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (typeof record.sourceLine === 'number' && typeof record.sourceDocument === 'string') {
      lines.set(path, { document: record.sourceDocument, line: record.sourceLine });
    }
    return Object.fromEntries(
      Object.entries(record)
        .filter(([key]) => key !== 'sourceLine')
        .map(([key, item]) => [key, strip(item, `${path}.${key}`)]),
    );
  };
  return { lines, rest: strip(graph, 'graph') };
}

const expected = splitSourceLines(committed);
const departmentPaths = new Set(
  committed.nodes.flatMap((n, i) => (n.label === 'Department' ? [`graph.nodes[${i}].properties`] : [])),
);

/** Three tests for each named list of transformations: it changed the text, the graph, the source lines. */
export function describeCorpus(title: string, corpus: Record<string, readonly Transformation[]>): void {
  describe.each(Object.entries(corpus))(`${title}: %s`, (_, steps) => {
    let copy: ReturnType<typeof transformSources>;
    let actual: ReturnType<typeof splitSourceLines>;
    beforeAll(() => {
      copy = transformSources(steps);
      actual = splitSourceLines(ingest(copy.documents));
    });

    it('is another text than the files (the transformation did something)', () => {
      const changed = Object.values(copy.documents).filter(
        (doc) => doc.lines.join('\n') !== SourceDocument.read('seed/sources', doc.name).lines.join('\n'),
      );
      expect(changed.length).toBeGreaterThan(0);
    });

    it('builds the graph of seed/graph.json (source lines aside)', () => {
      expect(actual.rest).toEqual(expected.rest);
    });

    it('points every source line at the line where the same text now starts', () => {
      // A department's provenance is the `seen` line curated in seed/reference/departments.yaml for today's
      // files, not a line a parser read: it stays as written (src/ingest/README.md, "Extraction noise").
      const moved = [...expected.lines].map(([path, { document, line }]) => {
        const newLines = copy.lineOf[document];
        return [path, newLines && !departmentPaths.has(path) ? newLines[line - 1] : line];
      });
      expect([...actual.lines].map(([path, { line }]) => [path, line])).toEqual(moved);
    });
  });
}
