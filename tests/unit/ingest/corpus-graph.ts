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
      expect([...actual.lines].map(([path, { line }]) => [path, line])).toEqual(movedLines(copy.lineOf));
    });
  });
}

/** Each committed source line, by its path in the graph, as the line of the copy where its text now starts. */
function movedLines(lineOf: Record<string, readonly (number | undefined)[]>): (string | number | undefined)[][] {
  // A department's provenance is the `seen` line curated in seed/reference/departments.yaml for today's
  // files, not a line a parser read: it stays as written (src/ingest/README.md, "Extraction noise").
  return [...expected.lines].map(([path, { document, line }]) => {
    const newLines = lineOf[document];
    return [path, newLines && !departmentPaths.has(path) ? newLines[line - 1] : line];
  });
}

/**
 * The same three checks in one test, for sweeps of many variants (every wrap width): the copy differs from
 * the files, builds seed/graph.json and moves every source line with its text. Compared as JSON first, so a
 * passing variant costs one ingestion; a failing one gets jest's diff.
 */
export function expectSameGraph(steps: readonly Transformation[]): void {
  expectSameGraphOf(steps);
}

/** `expectSameGraph`, returning the copy's graph (to take its fingerprint). */
export function expectSameGraphOf(steps: readonly Transformation[]): GraphFile {
  const copy = transformSources(steps);
  expect(Object.values(copy.documents).some((doc) => doc.lines.join('\n') !== originals.get(doc.name))).toBe(true);
  return expectCopyGivesGraph(copy);
}

/**
 * The check alone, for a copy that may happen to equal the files (a drawn rendering that changed nothing):
 * it builds seed/graph.json and every source line moved with its text. Returns the copy's graph.
 */
export function expectCopyGivesGraph(copy: ReturnType<typeof transformSources>): GraphFile {
  const graph = ingest(copy.documents);
  const actual = splitSourceLines(graph);
  if (JSON.stringify(actual.rest) !== expectedRest) expect(actual.rest).toEqual(expected.rest);
  const moved = movedLines(copy.lineOf);
  const lines = [...actual.lines].map(([path, { line }]) => [path, line]);
  if (JSON.stringify(lines) !== JSON.stringify(moved)) expect(lines).toEqual(moved);
  return graph;
}

const expectedRest = JSON.stringify(expected.rest);
const originals = new Map(
  Object.values(transformSources([]).documents).map((doc) => [doc.name, doc.lines.join('\n')] as const),
);
