import { runCommand, type CommandResult } from '../../helpers/run-command';
import { buildOncePerRun } from '../../helpers/service-build';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiff } from '../../../src/ingest/diff/format-diff';
import { diffGraphs, type GraphDiff } from '../../../src/ingest/diff/graph-diff';
import { ingest } from '../../../src/ingest/ingest';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { SOURCE_FILES, type SourceRole } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';
import { editedDocuments } from '../../helpers/test-edition';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';
import {
  asExtraction,
  crlfAndBom,
  fullWidthDigitsAndLatin,
  pageFurniture,
  rewrapTableCells,
  spacesForTabs,
  type Extraction,
  type Transformation,
} from '../../unit/ingest/extraction-corpus';

/**
 * `npm run ingest -- --sources DIR --diff` (the compiled command, reading recorded results from the test
 * Neo4j as it would from the service's) on a re-extraction of the five documents: table cells wrapped at 30
 * columns, page furniture every 25 lines, full-width digits, CRLF and a BOM. It must show no change (every
 * fact equal, only source lines moved, each to the line where its text now starts), and on the same
 * re-extraction of the hand-edited edition (tests/helpers/test-edition.ts) exactly the edition's edits.
 */
const RE_EXTRACTION: readonly Transformation[] = [
  rewrapTableCells(30),
  pageFurniture(25, 'dashed number, header, blank lines'),
  fullWidthDigitsAndLatin('mixed'),
  crlfAndBom,
];
const LAYOUT_MODE: readonly Transformation[] = [spacesForTabs(), pageFurniture(40, 'form feed and footer')];

function runIngest(...args: string[]): Promise<CommandResult> {
  const env = {
    ...process.env,
    NEO4J_URI: testNeo4jUri(),
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: testNeo4jPassword(),
  };
  return runCommand(process.execPath, ['dist/src/cli/ingest.js', ...args], { env });
}

/** The five documents (the edited ones where given) re-extracted into a folder of their own. */
function writeReExtraction(
  steps: readonly Transformation[],
  edited: Partial<Record<SourceRole, SourceDocument>> = {},
): { readonly directory: string; readonly lineOf: Record<string, Extraction['lineOf']> } {
  const directory = mkdtempSync(join(tmpdir(), 'honjo-re-extraction-'));
  const lineOf: Record<string, Extraction['lineOf']> = {};
  for (const [role, name] of Object.entries(SOURCE_FILES) as [SourceRole, string][]) {
    const doc = edited[role] ?? SourceDocument.read('seed/sources', name);
    const copy = steps.reduce((extraction, step) => step(extraction, doc), asExtraction(doc));
    writeFileSync(join(directory, name), copy.text);
    lineOf[name] = copy.lineOf;
  }
  return { directory, lineOf };
}

/** The printout's change lines: from `nodes:` up to the source-line summary (which counts moves only). */
const changeLines = (lines: readonly string[]): string[] =>
  lines.slice(
    lines.findIndex((line) => line.startsWith('nodes:')),
    lines.findIndex((line) => line.startsWith('source lines only:')),
  );

describe('the diff before load on a re-extraction of the documents', () => {
  jest.setTimeout(300_000);
  const seed = readSeedFile();
  if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');
  const folders: string[] = [];

  beforeAll(async () => {
    // `npm run ingest` builds first; so does this test, once.
    const build = await buildOncePerRun();
    expect(build).toBe(0);
  });
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it.each([
    ['cells wrapped at 30 columns, page furniture, full-width digits, CRLF and a BOM', RE_EXTRACTION],
    ['columns separated by spaces (layout mode), form feeds and a footer', LAYOUT_MODE],
  ])('shows no change for %s, every moved line mapped back to its text', async (_, steps) => {
    const copy = writeReExtraction(steps);
    folders.push(copy.directory);
    const result = await runIngest('--sources', copy.directory, '--diff', '--json');
    expect(result.stderr).toContain('reading recorded results from the database…');
    expect(result.status).toBe(0);
    const { diff } = JSON.parse(result.stdout) as { diff: GraphDiff };
    expect(changeLines(formatDiff(diff, undefined, { listSourceLines: false }))).toEqual([
      'nodes: 0 added, 0 removed, 0 changed',
      'relationships: 0 added, 0 removed, 0 changed',
      'discrepancies between documents: 0 new, 0 gone',
      'unresolved references: 0 new, 0 gone',
    ]);
    expect(diff.sourceLines.shifts.length).toBeGreaterThan(0);
    // Each moved fact now points at the line of the re-extraction where the text it was read from starts.
    const mappedBack = diff.sourceLines.shifts.map((shift) => ({
      ...shift,
      after:
        shift.document === undefined || shift.before === undefined
          ? undefined
          : copy.lineOf[shift.document]?.[shift.before - 1],
    }));
    expect(diff.sourceLines.shifts).toEqual(mappedBack);
  });

  it('shows exactly the edits of an edited edition re-extracted the same way', async () => {
    const copy = writeReExtraction(RE_EXTRACTION, editedDocuments());
    folders.push(copy.directory);
    const result = await runIngest('--sources', copy.directory, '--diff');
    expect(result.status).toBe(0);
    const expected = formatDiff(diffGraphs(seed.graph, ingest(editedDocuments())), undefined, {
      listSourceLines: false,
    });
    // The renamed measure also moved to the re-extraction's line: its sourceLine is listed with its change,
    // and must point where the line it was read from now starts.
    const renamed = seed.graph.nodes.find((node) => node.id === 'measure:5-4-3');
    const document = String(renamed?.properties.sourceDocument);
    const line = Number(renamed?.properties.sourceLine);
    const sourceLine = `        sourceLine: ${line} → ${copy.lineOf[document]?.[line - 1]}`;
    const printed = changeLines(result.stdout.split('\n'));
    expect(printed.filter((text) => text !== sourceLine)).toEqual(changeLines(expected));
    expect(printed).toContain(sourceLine);
    expect(printed).toContain('    - measure:5-4-4 暴力団排除活動の推進');
  });
});
